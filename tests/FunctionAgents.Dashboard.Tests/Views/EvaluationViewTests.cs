using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using FunctionAgents.Dashboard.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace FunctionAgents.Dashboard.Tests.Views;

[Collection(DashboardCollection.Name)]
public sealed class EvaluationViewTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Evaluation_ChartPoints_EqualTheReportsValues()
    {
        using var api = fixture.Host.Client(DashboardFixture.Keys["evaluation"]);
        var completed = await Runs.StartAsync(api, Runs.QuickGoal);
        var held = await Runs.StartAsync(api, Runs.ApprovalGoal);
        await Runs.WaitForStatusAsync(api, completed, "completed");
        await Runs.WaitForStatusAsync(api, held, "awaiting_approval");
        using var cancel = await api.PostAsJsonAsync($"api/runs/{held}/cancel", new { reason = "evaluation test" });
        await Runs.WaitForStatusAsync(api, held, "cancelled");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var evaluate = await api.PostAsJsonAsync("api/evaluations", new { from = today, to = today });
        var report = await evaluate.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(evaluate.IsSuccessStatusCode, report.ToString());
        var day = report.GetProperty("days").EnumerateArray().Single(d => d.GetProperty("key").GetString() == today);
        var baseline = day.GetProperty("baseline");
        await using var session = await fixture.OpenAsync("evaluation");

        await session.SignInAsync("#/evaluation");

        await AssertPointAsync(session, "chart-success-rate", today, baseline.GetProperty("successRate").GetDouble());
        await AssertPointAsync(session, "chart-mean-quality", today, baseline.GetProperty("meanQuality").GetDouble());
        await AssertPointAsync(session, "chart-violations", today, baseline.GetProperty("violationRatePer100").GetDouble());
        await AssertPointAsync(session, "chart-cost", today, baseline.GetProperty("costPerSuccessfulRunUsd").GetDouble());
        Assert.Equal(0.5, baseline.GetProperty("successRate").GetDouble());
        await Expect(session.Page.Locator("#eval-latest-report")).ToHaveAttributeAsync("data-evaluation-id", report.GetProperty("evaluationId").GetString()!);
        await Expect(session.Page.Locator("#eval-alerts")).ToContainTextAsync("Today's alerts");
        await Expect(session.Page.Locator("#eval-latest")).ToContainTextAsync("Policy regressions");
        await Expect(session.Page.Locator("#eval-latest")).ToContainTextAsync("Divergences");
        await session.ScreenshotAsync("evaluation");
        session.AssertStayedOnLoopback();
    }

    [Fact]
    public async Task Evaluation_NoReport_SaysHowToGetOne()
    {
        await using var session = await fixture.OpenAsync("empty");

        await session.SignInAsync("#/evaluation");

        await Expect(session.Page.Locator("#eval-charts")).ToContainTextAsync("No evaluation report covers");
        await Expect(session.Page.Locator("#eval-latest")).ToContainTextAsync("There is no evaluation report yet");
        await Expect(session.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Evaluate now" })).ToBeVisibleAsync();
        session.AssertStayedOnLoopback();
    }

    [Fact]
    public async Task Evaluation_EvaluatorTrend_PlotsEachPassRate_AndLinksTheFailingRuns()
    {
        // Arrange: a clean run, and one whose answer quotes the security team's address (the personal_data evaluator,
        // which knows no organisation domain in the nightly set-up, fails it)
        using var api = fixture.Host.Client(DashboardFixture.Keys["evaluators"]);
        var clean = await Runs.StartAsync(api, Runs.QuickGoal);
        var quoting = await Runs.StartAsync(api, "I think my account was hacked, what should I do?");
        await Runs.WaitForStatusAsync(api, clean, "completed");
        await Runs.WaitForStatusAsync(api, quoting, "completed");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var evaluate = await api.PostAsJsonAsync("api/evaluations", new { from = today, to = today });
        Assert.True(evaluate.IsSuccessStatusCode, await evaluate.Content.ReadAsStringAsync());
        var trend = await Runs.GetJsonAsync(api, $"api/evaluations/days?from={today}&to={today}");
        var evaluators = Assert.Single(trend.GetProperty("days").EnumerateArray()).GetProperty("evaluators").EnumerateArray().ToList();
        var personal = evaluators.Single(e => e.GetProperty("evaluator").GetString() == "personal_data");
        Assert.Equal([quoting], personal.GetProperty("failingRuns").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0.5, personal.GetProperty("passRate").GetDouble());
        await using var session = await fixture.OpenAsync("evaluators");

        // Act
        await session.SignInAsync("#/evaluation");

        // Assert: a chart per evaluator that judged a run, its point the API's pass rate, and a working link to the failing run
        foreach (var evaluator in evaluators.Where(e => e.GetProperty("passRate").ValueKind == JsonValueKind.Number))
        {
            await AssertPointAsync(session, $"chart-evaluator-{evaluator.GetProperty("evaluator").GetString()}", today, evaluator.GetProperty("passRate").GetDouble());
        }

        await Expect(session.Page.Locator("#chart-evaluator-tool_calls")).ToHaveCountAsync(0); // needs labels: never judged
        var link = session.Page.Locator("#chart-evaluator-personal_data a.failing-run");
        await Expect(link).ToHaveTextAsync(quoting);
        await session.ScreenshotAsync("evaluation-evaluators", session.Page.Locator("#eval-evaluators"));
        await link.ClickAsync();
        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"#/runs/{quoting}$"));
        await Expect(session.Page.Locator("main h1")).ToContainTextAsync(quoting);
        Assert.Empty(session.ConsoleErrors);
        session.AssertStayedOnLoopback();
    }

    private static async Task AssertPointAsync(DashboardSession session, string chart, string day, double expected)
    {
        var point = session.Page.Locator($"#{chart} circle.point[data-day='{day}']");
        await Expect(point).ToHaveCountAsync(1);
        var value = double.Parse((await point.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture);
        Assert.Equal(expected, value, 9);
    }
}
