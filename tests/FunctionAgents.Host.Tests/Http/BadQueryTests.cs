using System.Net;
using FunctionAgents.Host.Tests.Support;

namespace FunctionAgents.Host.Tests.Http;

/// <summary>Query values a probe found answered confusingly: each is a 400 problem that names the field and what it accepts.</summary>
[Collection(HostCollection.Name)]
public sealed class BadQueryTests(HostFixture fixture)
{
    private readonly HttpClient _alpha = fixture.Shared.Client();

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("0")]
    public async Task State_AtSeqNotAPositiveNumber_SaysWhatIsWrongNotThatItIsMissing(string atSeq)
    {
        var (status, body, _) = await Api.GetAsync(_alpha, $"/api/runs/r-{Guid.NewGuid():N}/state?atSeq={atSeq}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var text = System.Text.RegularExpressions.Regex.Unescape(body.GetRawText());
        Assert.Contains("\"atSeq\"", text, StringComparison.Ordinal);
        Assert.Contains($"not '{atSeq}'", text, StringComparison.Ordinal);
        Assert.DoesNotContain("is required", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_AtSeqMissing_IsRequired()
    {
        var (status, body, _) = await Api.GetAsync(_alpha, $"/api/runs/r-{Guid.NewGuid():N}/state");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("is required", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListRuns_ToBeforeFrom_Is400NamingTo()
    {
        var (status, body, _) = await Api.GetAsync(_alpha, "/api/runs?from=2026-12-07T00:00:00Z&to=2026-12-01T00:00:00Z");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("must not be before from", body.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("\"to\"", body.GetRawText(), StringComparison.Ordinal);
    }
}
