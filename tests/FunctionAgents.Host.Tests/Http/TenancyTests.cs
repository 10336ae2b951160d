using System.Net;
using System.Text.Json;
using FunctionAgents.Host.Tests.Support;

namespace FunctionAgents.Host.Tests.Http;

[Collection(HostCollection.Name)]
public sealed class TenancyTests(HostFixture fixture)
{
    public static TheoryData<string, string, string?> RunRoutes => new()
    {
        { "GET", "/api/runs/{0}", null },
        { "GET", "/api/runs/{0}/events", null },
        { "POST", "/api/runs/{0}/approvals/s4", """{"decision":"approve"}""" },
        { "POST", "/api/runs/{0}/cancel", """{"reason":"x"}""" },
    };

    public static TheoryData<string, string, string?> AllRoutes => new()
    {
        { "POST", "/api/runs", """{"goal":"refund?"}""" },
        { "GET", "/api/runs", null },
        { "GET", "/api/runs/{0}", null },
        { "GET", "/api/runs/{0}/events", null },
        { "POST", "/api/runs/{0}/approvals/s4", """{"decision":"approve"}""" },
        { "POST", "/api/runs/{0}/cancel", null },
        { "GET", "/api/health", null },
    };

    [Theory]
    [MemberData(nameof(RunRoutes))]
    public async Task RunRoute_AnotherTenantsRun_Answers404LikeAnUnknownRun(string method, string route, string? json)
    {
        // Arrange
        using var alpha = fixture.Shared.Client(HostFixture.AlphaKey);
        using var beta = fixture.Shared.Client(HostFixture.BetaKey);
        var runId = await Api.StartAsync(alpha);
        await Api.WaitForStatusAsync(alpha, runId, "awaiting_approval");

        // Act
        var (_, other, otherResponse) = await Api.SendAsync(beta, new HttpMethod(method), string.Format(route, runId), json);
        var (_, unknown, unknownResponse) = await Api.SendAsync(beta, new HttpMethod(method), string.Format(route, "run-" + Guid.NewGuid().ToString("N")), json);

        // Assert
        Api.AssertProblem(otherResponse, other, HttpStatusCode.NotFound);
        Api.AssertProblem(unknownResponse, unknown, HttpStatusCode.NotFound);
        Assert.Equal(unknown.GetProperty("title").GetString(), other.GetProperty("title").GetString());
        var state = await Api.WaitForStatusAsync(alpha, runId, "awaiting_approval");
        Assert.Equal("awaiting_approval", state.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ListRuns_OtherTenant_DoesNotSeeTheRun()
    {
        using var alpha = fixture.Shared.Client(HostFixture.AlphaKey);
        using var beta = fixture.Shared.Client(HostFixture.BetaKey);
        var runId = await Api.StartAsync(alpha);

        var betaRuns = await ListAllAsync(beta);
        var alphaRuns = await ListAllAsync(alpha);

        Assert.DoesNotContain(runId, betaRuns);
        Assert.Contains(runId, alphaRuns);
    }

    [Theory]
    [MemberData(nameof(AllRoutes))]
    public async Task AnyRoute_MissingOrUnknownKey_Answers401(string method, string route, string? json)
    {
        using var anonymous = fixture.Shared.Client(apiKey: null);
        using var stranger = fixture.Shared.Client("not-a-known-key-123");
        var uri = string.Format(route, "run-" + Guid.NewGuid().ToString("N"));

        var (_, missing, missingResponse) = await Api.SendAsync(anonymous, new HttpMethod(method), uri, json);
        var (_, unknown, unknownResponse) = await Api.SendAsync(stranger, new HttpMethod(method), uri, json);

        Api.AssertProblem(missingResponse, missing, HttpStatusCode.Unauthorized);
        Api.AssertProblem(unknownResponse, unknown, HttpStatusCode.Unauthorized);
        Assert.Contains("x-functions-key", missingResponse.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    private static async Task<HashSet<string>> ListAllAsync(HttpClient client)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var uri = "/api/runs?pageSize=200" + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token));
            var (status, body, _) = await Api.GetAsync(client, uri);
            Assert.Equal(HttpStatusCode.OK, status);
            foreach (var run in body.GetProperty("runs").EnumerateArray())
            {
                ids.Add(run.GetProperty("runId").GetString()!);
            }

            token = body.GetProperty("continuationToken").ValueKind == JsonValueKind.String ? body.GetProperty("continuationToken").GetString() : null;
        }
        while (token is not null);

        return ids;
    }
}
