using System.Globalization;
using System.Net;
using System.Text.Json;
using FunctionAgents.Host.Tests.Support;

namespace FunctionAgents.Host.Tests.Http;

[Collection(HostCollection.Name)]
public sealed class EvaluationsApiTests(HostFixture fixture)
{
    private readonly HttpClient _alpha = fixture.Shared.Client();
    private readonly HttpClient _beta = fixture.Shared.Client(HostFixture.BetaKey);

    private static string Today => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task StartEvaluation_TodaysFinishedRun_ScoresItAndReportsAreTenantScoped()
    {
        // Arrange: one finished run of tenant alpha today
        var runId = await Api.StartAsync(_alpha, "What is our refund policy for customers in Germany?");
        var done = await Api.WaitForStatusAsync(_alpha, runId, "completed", "failed", "cancelled");
        Assert.Equal("completed", done.GetProperty("status").GetString());

        // Act
        var (status, report, _) = await Api.PostAsync(_alpha, "/api/evaluations", JsonSerializer.Serialize(new { from = Today, to = Today }));
        var evaluationId = report.GetProperty("evaluationId").GetString()!;
        var (latestStatus, latest, _) = await Api.GetAsync(_alpha, "/api/evaluations/latest");
        var (byIdStatus, byId, _) = await Api.GetAsync(_alpha, $"/api/evaluations/{evaluationId}");
        var (otherTenantStatus, otherTenant, otherResponse) = await Api.GetAsync(_beta, $"/api/evaluations/{evaluationId}");

        // Assert
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.True(report.GetProperty("runsScored").GetInt32() >= 1, report.GetRawText());
        Assert.Equal("alpha", report.GetProperty("tenantId").GetString());
        Assert.Empty(report.GetProperty("divergences").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, latestStatus);
        Assert.Equal(evaluationId, latest.GetProperty("evaluationId").GetString());
        Assert.Equal(HttpStatusCode.OK, byIdStatus);
        Assert.Equal(evaluationId, byId.GetProperty("evaluationId").GetString());
        Assert.Equal(HttpStatusCode.NotFound, otherTenantStatus);
        Api.AssertProblem(otherResponse, otherTenant, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{}", "from")]
    [InlineData("""{"from":"2026-11-21","to":"2026-11-01"}""", "to")]
    [InlineData("""{"from":"2026-01-01","to":"2026-03-01"}""", "to")]
    [InlineData("""{"from":"21/11/2026","to":"2026-11-21"}""", "from")]
    [InlineData("""{"from":"2026-11-21","to":"2026-11-21","tenant":"beta"}""", "tenant")]
    public async Task StartEvaluation_BadWindow_IsProblemNamingTheField(string body, string field)
    {
        var (status, problem, response) = await Api.PostAsync(_alpha, "/api/evaluations", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Api.AssertProblem(response, problem, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task Evaluations_WithoutKey_Unauthorized()
    {
        using var anonymous = fixture.Shared.Client(apiKey: null);

        var (status, _, _) = await Api.GetAsync(anonymous, "/api/evaluations/latest");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}
