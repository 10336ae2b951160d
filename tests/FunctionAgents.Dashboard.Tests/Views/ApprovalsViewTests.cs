using FunctionAgents.Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FunctionAgents.Dashboard.Tests.Views;

[Collection(DashboardCollection.Name)]
public sealed class ApprovalsViewTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Approvals_ApprovingFromThePage_CompletesTheRun()
    {
        using var api = fixture.Host.Client(DashboardFixture.Keys["approvals"]);
        var runId = await Runs.StartAsync(api, Runs.ApprovalGoal);
        var waiting = await Runs.WaitForStatusAsync(api, runId, "awaiting_approval");
        var pending = waiting.GetProperty("pendingApprovals")[0];
        await using var session = await fixture.OpenAsync("approvals");
        await session.SignInAsync("#/approvals");

        var card = session.Page.Locator($"article.approval-card[data-run-id='{runId}']");
        await Expect(card.Locator("h3")).ToContainTextAsync(pending.GetProperty("tool").GetString()!);
        await Expect(card.Locator("dd.reason")).ToHaveTextAsync(pending.GetProperty("reason").GetString()!);
        await Expect(card).ToContainTextAsync(pending.GetProperty("rule").GetString()!);
        await Expect(session.Page.Locator("#approval-count")).ToHaveTextAsync("1");
        await session.ScreenshotAsync("approvals");

        await card.GetByLabel("Approver name").FillAsync("Dana Support");
        await card.GetByLabel("Comment (optional)").FillAsync("checked the order; refund is allowed");
        await card.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await Expect(card).ToHaveAttributeAsync("data-run-status", "completed", new() { Timeout = 60_000 });
        await Expect(card.Locator(".run-status")).ToContainTextAsync("completed");
        var run = await Runs.WaitForStatusAsync(api, runId, "completed");
        var step = run.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("id").GetString() == pending.GetProperty("stepId").GetString());
        Assert.Equal("Dana Support", step.GetProperty("approver").GetString());
        Assert.Equal("checked the order; refund is allowed", step.GetProperty("approvalComment").GetString());
        await session.ScreenshotAsync("approvals-approved", card.Locator(".outcome"));
        session.AssertStayedOnLoopback();
    }

    [Fact]
    public async Task Approvals_NothingWaiting_SaysSoAndWhatHappensNext()
    {
        await using var session = await fixture.OpenAsync("empty");
        await session.SignInAsync("#/approvals");

        await Expect(session.Page.Locator("#approvals-empty")).ToContainTextAsync("Nothing is waiting for approval.");
        await Expect(session.Page.Locator("article.approval-card")).ToHaveCountAsync(0);
        session.AssertStayedOnLoopback();
    }
}
