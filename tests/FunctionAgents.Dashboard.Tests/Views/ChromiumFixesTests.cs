using System.Net;
using System.Net.Http.Json;
using FunctionAgents.Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FunctionAgents.Dashboard.Tests.Views;

/// <summary>Three defects found in Chromium: the skip link, the CSP and the State-at-Seq input, the timeline's width at 1280 px.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ChromiumFixesTests(DashboardFixture fixture)
{
    [Fact]
    public async Task SkipLink_MovesFocusToTheMainContent_AndKeepsTheView()
    {
        await using var session = await fixture.OpenAsync("usability");
        await session.SignInAsync("#/runs");
        await Expect(session.Page.Locator("main h1")).ToHaveTextAsync("Runs");

        await session.Page.Locator("a.skip-link").FocusAsync();
        await session.Page.Keyboard.PressAsync("Enter");

        await Expect(session.Page.Locator("main h1")).ToHaveTextAsync("Runs");
        Assert.DoesNotContain("Page not found", await session.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("main", await session.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.EndsWith("#/runs", session.Page.Url, StringComparison.Ordinal);
        session.AssertStayedOnLoopback();
    }

    [Fact]
    public async Task RunDetail_StateAtSeqInput_LogsNoCspError()
    {
        using var api = fixture.Host.Client(DashboardFixture.Keys["detail"]);
        var runId = await Runs.StartAsync(api, Runs.QuickGoal);
        await Runs.WaitForStatusAsync(api, runId, "completed");
        await using var session = await fixture.OpenAsync("detail");

        await session.SignInAsync($"#/runs/{runId}");
        await Expect(session.Page.Locator("#timeline-table tbody tr").First).ToBeVisibleAsync();
        await session.Page.Locator("#state-seq").FillAsync("1");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Show state" }).ClickAsync();
        await Expect(session.Page.Locator("#state-status")).ToHaveTextAsync("running");

        Assert.Empty(session.ConsoleErrors);
        var width = await session.Page.Locator("#state-seq").EvaluateAsync<double>("e => e.getBoundingClientRect().width");
        Assert.InRange(width, 100, 130);
        session.AssertStayedOnLoopback();
    }

    [Fact]
    public async Task RunDetail_DemoRunAt1280_TimelineFitsAndEveryRawEventButtonIsInView()
    {
        using var api = fixture.Host.Client(DashboardFixture.Keys["detail"]);
        var runId = await Runs.StartAsync(api, Runs.ApprovalGoal);
        var waiting = await Runs.WaitForStatusAsync(api, runId, "awaiting_approval");
        foreach (var pending in waiting.GetProperty("pendingApprovals").EnumerateArray())
        {
            using var decided = await api.PostAsJsonAsync(pending.GetProperty("approveUri").GetString()!.TrimStart('/'), new { decision = "approve", approver = "Layout Checker" });
            Assert.Equal(HttpStatusCode.Accepted, decided.StatusCode);
        }

        await Runs.WaitForStatusAsync(api, runId, "completed");
        await using var session = await fixture.OpenAsync("detail");

        await session.SignInAsync($"#/runs/{runId}");
        var rows = session.Page.Locator("#timeline-table tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();

        var wrap = await session.Page.Locator("#timeline .table-wrap").EvaluateAsync<int[]>("e => [e.scrollWidth, e.clientWidth]");
        Assert.True(wrap[0] <= wrap[1], $"the timeline is {wrap[0]} px wide in a {wrap[1]} px frame");
        Assert.True(await session.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= DashboardSession.Desktop.Width);
        var buttons = session.Page.GetByRole(AriaRole.Button, new() { Name = "Raw event" });
        var count = await buttons.CountAsync();
        Assert.True(count > 10);
        for (var i = 0; i < count; i++)
        {
            var box = await buttons.Nth(i).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X + box.Width <= DashboardSession.Desktop.Width, $"Raw event button {i} ends at {box.X + box.Width} px");
        }

        session.AssertStayedOnLoopback();
    }
}
