using System.Globalization;
using System.Net;
using System.Text.Json;
using FunctionAgents.Host.Tests.Support;

namespace FunctionAgents.Host.Tests.Dashboard;

[Collection(HostCollection.Name)]
public sealed class EvaluationDaysApiTests(HostFixture fixture)
{
    private static string Today => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task EvaluationDays_AfterAnEvaluation_ReturnsTheReportsDayMetrics_ToItsTenantOnly()
    {
        // Arrange: a host of its own, so the reports are exactly these
        await using var host = fixture.CreateHost();
        using var alpha = host.Client();
        using var beta = host.Client(HostFixture.BetaKey);
        var runId = await Api.StartAsync(alpha, "What is our refund policy for customers in Germany?");
        await Api.WaitForStatusAsync(alpha, runId, "completed");
        var (_, older, _) = await Api.PostAsync(alpha, "/api/evaluations", JsonSerializer.Serialize(new { from = Today, to = Today }));
        var (created, report, _) = await Api.PostAsync(alpha, "/api/evaluations", JsonSerializer.Serialize(new { from = Today, to = Today }));
        Assert.Equal(HttpStatusCode.Created, created);

        // Act
        var (status, body, _) = await Api.GetAsync(alpha, $"/api/evaluations/days?from={Today}&to={Today}");
        var (betaStatus, betaBody, _) = await Api.GetAsync(beta, $"/api/evaluations/days?from={Today}&to={Today}");

        // Assert: the newest report wins the day, and its numbers come through unchanged
        Assert.Equal(HttpStatusCode.OK, status);
        var day = Assert.Single(body.GetProperty("days").EnumerateArray());
        var reported = report.GetProperty("days").EnumerateArray().Single(d => d.GetProperty("key").GetString() == Today);
        Assert.Equal(Today, day.GetProperty("day").GetString());
        Assert.Equal(report.GetProperty("evaluationId").GetString(), day.GetProperty("evaluationId").GetString());
        Assert.NotEqual(older.GetProperty("evaluationId").GetString(), day.GetProperty("evaluationId").GetString());
        Assert.Equal(reported.GetProperty("runs").GetInt32(), day.GetProperty("runs").GetInt32());
        foreach (var metric in new[] { "successRate", "meanQuality", "violationRatePer100", "costPerSuccessfulRunUsd" })
        {
            Assert.Equal(reported.GetProperty("baseline").GetProperty(metric).GetDouble(), day.GetProperty("recorded").GetProperty(metric).GetDouble());
            Assert.Equal(reported.GetProperty("candidate").GetProperty(metric).GetDouble(), day.GetProperty("replayed").GetProperty(metric).GetDouble());
        }

        // the day's per-evaluator results are the ones the evaluation journaled (and copied into its report)
        var journaled = report.GetProperty("evaluatorDays").EnumerateArray().Single(d => d.GetProperty("day").GetString() == Today);
        var evaluators = day.GetProperty("evaluators").EnumerateArray().ToDictionary(e => e.GetProperty("evaluator").GetString()!);
        Assert.Equal(
            journaled.GetProperty("evaluators").EnumerateArray().Select(e => (e.GetProperty("evaluator").GetString(), e.GetProperty("scored").GetInt32(), e.GetProperty("failed").GetInt32())),
            evaluators.Values.Select(e => (e.GetProperty("evaluator").GetString(), e.GetProperty("scored").GetInt32(), e.GetProperty("failed").GetInt32())));
        Assert.True(evaluators["policy_adherence"].GetProperty("scored").GetInt32() >= 1);
        Assert.Equal(0, evaluators["tool_calls"].GetProperty("scored").GetInt32()); // it needs labels a production run has not
        Assert.Equal(2, body.GetProperty("reportsRead").GetInt32());
        Assert.False(body.GetProperty("truncated").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, betaStatus);
        Assert.Empty(betaBody.GetProperty("days").EnumerateArray());
    }

    [Fact]
    public async Task EvaluationDays_NoWindowGiven_CoversTheLast30Days()
    {
        using var alpha = fixture.Shared.Client();

        var (status, body, _) = await Api.GetAsync(alpha, "/api/evaluations/days");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Today, body.GetProperty("to").GetString());
        Assert.Equal(DateOnly.Parse(Today, CultureInfo.InvariantCulture).AddDays(-29).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), body.GetProperty("from").GetString());
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-02-01&to=2026-01-01", "to")]
    [InlineData("from=2024-01-01&to=2026-01-01", "from")]
    public async Task EvaluationDays_BadWindow_Answers400NamingTheField(string query, string field)
    {
        using var alpha = fixture.Shared.Client();

        var (_, body, response) = await Api.GetAsync(alpha, "/api/evaluations/days?" + query);

        Api.AssertProblem(response, body, HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.GetRawText());
    }
}
