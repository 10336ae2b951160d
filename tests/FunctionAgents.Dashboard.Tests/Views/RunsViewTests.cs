using FunctionAgents.Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FunctionAgents.Dashboard.Tests.Views;

[Collection(DashboardCollection.Name)]
public sealed class RunsViewTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Runs_ShowsTheRunsTheTestStarted_WithStatusCostAndSteps()
    {
        using var api = fixture.Host.Client(DashboardFixture.Keys["runs"]);
        var quick = await Runs.StartAsync(api, Runs.QuickGoal + " (runs view " + Guid.NewGuid().ToString("N")[..6] + ")");
        var held = await Runs.StartAsync(api, Runs.ApprovalGoal);
        var quickRun = await Runs.WaitForStatusAsync(api, quick, "completed");
        await Runs.WaitForStatusAsync(api, held, "awaiting_approval");
        await using var session = await fixture.OpenAsync("runs");

        await session.SignInAsync("#/runs");

        var quickRow = session.Page.Locator($"#runs-table tr[data-run-id='{quick}']");
        var heldRow = session.Page.Locator($"#runs-table tr[data-run-id='{held}']");
        await Expect(quickRow.Locator("td[data-label=Status]")).ToHaveTextAsync("completed");
        await Expect(heldRow.Locator("td[data-label=Status]")).ToHaveTextAsync("awaiting approval");
        await Expect(quickRow.Locator("td[data-label=Goal]")).ToHaveTextAsync(quickRun.GetProperty("goal").GetString()!);
        var steps = quickRun.GetProperty("steps").EnumerateArray().ToList();
        var executed = steps.Count(s => s.GetProperty("phase").GetString() == "executed");
        await Expect(quickRow.Locator("td[data-label=Steps]")).ToHaveTextAsync($"{executed} / {steps.Count}");
        Assert.StartsWith("$", await quickRow.Locator("td[data-label=Cost]").TextContentAsync());
        await session.ScreenshotAsync("runs");
        session.AssertStayedOnLoopback();
    }

    [Fact]
    public async Task Runs_StatusFilter_ShowsOnlyMatchingRuns()
    {
        using var api = fixture.Host.Client(DashboardFixture.Keys["runs"]);
        var held = await Runs.StartAsync(api, Runs.ApprovalGoal + " (filter)");
        await Runs.WaitForStatusAsync(api, held, "awaiting_approval");
        await using var session = await fixture.OpenAsync("runs");
        await session.SignInAsync("#/runs");

        await session.Page.Locator("#filter-status").SelectOptionAsync("awaiting_approval");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();

        await Expect(session.Page.Locator($"#runs-table tr[data-run-id='{held}']")).ToBeVisibleAsync();
        var statuses = await session.Page.Locator("#runs-table td[data-label=Status]").AllTextContentsAsync();
        Assert.All(statuses, s => Assert.Equal("awaiting approval", s));
        Assert.Contains("status=awaiting_approval", session.Page.Url, StringComparison.Ordinal);
        session.AssertStayedOnLoopback();
    }

    [Fact]
    public async Task Runs_NewRun_AppearsWithoutReload()
    {
        using var api = fixture.Host.Client(DashboardFixture.Keys["runs"]);
        await using var session = await fixture.OpenAsync("runs");
        await session.SignInAsync("#/runs");
        await Expect(session.Page.Locator("#runs-live")).ToContainTextAsync("Live");

        var runId = await Runs.StartAsync(api, Runs.QuickGoal + " (live)");

        await Expect(session.Page.Locator($"#runs-table tr[data-run-id='{runId}']")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        session.AssertStayedOnLoopback();
    }

    [Fact]
    public async Task Runs_PagesThroughTheContinuationToken()
    {
        using var api = fixture.Host.Client(DashboardFixture.Keys["runs"]);
        for (var i = 0; i < 3; i++)
        {
            await Runs.StartAsync(api, Runs.QuickGoal + $" (page {i})");
        }

        await using var session = await fixture.OpenAsync("runs");
        await session.SignInAsync("#/runs?pageSize=2");
        var first = await RowIdsAsync(session.Page, 2);

        await session.Page.Locator("#runs-next").ClickAsync();
        await Expect(session.Page.Locator("#runs-previous")).ToBeEnabledAsync();
        var second = await RowIdsAsync(session.Page, 1);

        Assert.Empty(first.Intersect(second));
        await session.Page.Locator("#runs-previous").ClickAsync();
        Assert.Equal(first, await RowIdsAsync(session.Page, 2));
        session.AssertStayedOnLoopback();
    }

    private static async Task<List<string>> RowIdsAsync(IPage page, int atLeast)
    {
        // Waiting through a locator, not a script string: the page's Content-Security-Policy forbids eval.
        await page.Locator("#runs-table tbody tr").Nth(atLeast - 1).WaitForAsync();
        return [.. (await page.Locator("#runs-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.runId)"))];
    }
}
