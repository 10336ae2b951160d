using System.Net;
using System.Net.Http.Json;
using FunctionAgents.Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FunctionAgents.Dashboard.Tests.Views;

[Collection(DashboardCollection.Name)]
public sealed class RunDetailViewTests(DashboardFixture fixture)
{
    [Fact]
    public async Task RunDetail_ShowsPlanDecisionsTimelineAnswerAndVerification()
    {
        using var api = fixture.Host.Client(DashboardFixture.Keys["detail"]);
        var runId = await Runs.StartAsync(api, Runs.QuickGoal);
        var run = await Runs.WaitForStatusAsync(api, runId, "completed");
        var timeline = await Runs.GetJsonAsync(api, $"api/runs/{runId}/timeline");
        await using var session = await fixture.OpenAsync("detail");

        await session.SignInAsync($"#/runs/{runId}");

        await Expect(session.Page.Locator("#run-answer")).ToHaveTextAsync(run.GetProperty("response").GetString()!);
        await Expect(session.Page.Locator("#run-verification")).ToContainTextAsync("intact");
        foreach (var step in run.GetProperty("steps").EnumerateArray())
        {
            var item = session.Page.Locator($"li.step[data-step-id='{step.GetProperty("id").GetString()}']");
            await Expect(item.Locator("dd.decision")).ToHaveTextAsync(step.GetProperty("decision").GetString()!.Replace('_', ' '));
            await Expect(item).ToContainTextAsync(step.GetProperty("rule").GetString()!);
            await Expect(item).ToContainTextAsync(step.GetProperty("reason").GetString()!);
        }

        var entries = timeline.GetProperty("entries");
        await Expect(session.Page.Locator("#timeline-table tbody tr")).ToHaveCountAsync(entries.GetArrayLength());
        var first = session.Page.Locator("#timeline-table tr[data-seq='1']");
        await Expect(first).ToContainTextAsync(entries[0].GetProperty("title").GetString()!);
        await Expect(first).ToContainTextAsync(entries[0].GetProperty("actor").GetString()!);

        await first.GetByRole(AriaRole.Button, new() { Name = "Raw event" }).ClickAsync();
        await Expect(session.Page.Locator("#timeline-table tr.raw pre")).ToContainTextAsync("\"type\": \"RunStarted\"");

        await session.Page.Locator("#state-seq").FillAsync("1");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Show state" }).ClickAsync();
        await Expect(session.Page.Locator("#state-status")).ToHaveTextAsync("running");
        await session.ScreenshotAsync("run-detail");
        session.AssertStayedOnLoopback();
    }

    [Fact]
    public async Task RunDetail_RunWaitingForApproval_FollowsTheEventStreamUntilItFinishes()
    {
        using var api = fixture.Host.Client(DashboardFixture.Keys["detail"]);
        var runId = await Runs.StartAsync(api, Runs.ApprovalGoal);
        var waiting = await Runs.WaitForStatusAsync(api, runId, "awaiting_approval");
        await using var session = await fixture.OpenAsync("detail");
        var streams = new System.Collections.Concurrent.ConcurrentQueue<(int Status, string? Type)>();
        session.Page.Response += (_, response) =>
        {
            if (response.Url.EndsWith($"/api/runs/{runId}/stream", StringComparison.Ordinal))
            {
                streams.Enqueue((response.Status, response.Headers.GetValueOrDefault("content-type")));
            }
        };
        await session.SignInAsync($"#/runs/{runId}");
        await Expect(session.Page.GetByText("as the run's events arrive")).ToBeVisibleAsync();

        // Decided behind the page's back: only the stream can tell the page about it.
        foreach (var pending in waiting.GetProperty("pendingApprovals").EnumerateArray())
        {
            using var decided = await api.PostAsJsonAsync(pending.GetProperty("approveUri").GetString()!.TrimStart('/'), new { decision = "approve", approver = "Stream Watcher" });
            Assert.Equal(HttpStatusCode.Accepted, decided.StatusCode);
        }

        await Expect(session.Page.GetByText("This run has finished (completed).")).ToBeVisibleAsync();
        Assert.Contains(streams, r => r.Status == 200 && r.Type?.StartsWith("text/event-stream", StringComparison.Ordinal) == true);
        session.AssertStayedOnLoopback();
    }

    [Fact]
    public async Task RunDetail_UnknownRun_SaysItIsNotThisKeys()
    {
        await using var session = await fixture.OpenAsync("detail");

        await session.SignInAsync("#/runs/no-such-run");

        await Expect(session.Page.Locator("#run-summary [role=alert]")).ToContainTextAsync("no such run for this key");
        session.AssertStayedOnLoopback();
    }
}
