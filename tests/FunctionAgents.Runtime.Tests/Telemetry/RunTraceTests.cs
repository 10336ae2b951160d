using System.Diagnostics;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Runs;
using FunctionAgents.Runtime.Telemetry;
using FunctionAgents.Runtime.Tests.Runs.Fakes;

namespace FunctionAgents.Runtime.Tests.Telemetry;

/// <summary>One run is one trace, from the caller's traceparent down to each journal append.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class RunTraceTests
{
    private const string CallerTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string CallerSpanId = "00f067aa0ba902b7";
    private const string CallerTraceParent = $"00-{CallerTraceId}-{CallerSpanId}-01";

    [Fact]
    public async Task Run_WithCallerTraceParent_IsOneTraceUnderTheCaller()
    {
        using var rig = new TelemetryRig(new StaticPolicy(new() { ["notify"] = PolicyAction.RequireHumanApproval }));
        var runId = await rig.StartAsync("tenant-trace", "http", CallerTraceParent);

        var status = await rig.DriveAsync(runId, "tenant-trace");
        rig.Flush();

        Assert.Equal(RunStatus.Completed, status);
        var spans = rig.Spans.Where(s => Equals(s.GetTagItem(TelemetryTags.RunId), runId)).ToList();
        Assert.All(spans, s => Assert.Equal(CallerTraceId, s.TraceId.ToHexString()));
        var run = Assert.Single(spans, s => s.DisplayName == SpanNames.Run);
        Assert.Equal(CallerSpanId, run.ParentSpanId.ToHexString());
        var steps = spans.Where(s => s.DisplayName.StartsWith(SpanNames.StepPrefix, StringComparison.Ordinal)
            && s.DisplayName != SpanNames.ApprovalWait).ToList();
        Assert.Equal(
            ["fa.step.answer", "fa.step.finish", "fa.step.plan", "fa.step.policy", "fa.step.policy", "fa.step.tool", "fa.step.tool"],
            steps.Select(s => s.DisplayName).Order(StringComparer.Ordinal));
        Assert.All(steps, s => Assert.Equal(run.SpanId, s.ParentSpanId));

        var plan = Assert.Single(steps, s => s.DisplayName == "fa.step.plan");
        var model = Assert.Single(spans, s => s.DisplayName == "chat gpt-test");
        Assert.Equal(plan.SpanId, model.ParentSpanId);
        Assert.Equal("chat", model.GetTagItem(TelemetryTags.GenAiOperation));
        Assert.Equal("gpt-test", model.GetTagItem(TelemetryTags.GenAiRequestModel));
        Assert.Equal(1200, model.GetTagItem(TelemetryTags.GenAiInputTokens));
        Assert.Equal(300, model.GetTagItem(TelemetryTags.GenAiOutputTokens));
        Assert.Equal(ActivityKind.Client, model.Kind);

        var toolSteps = steps.Where(s => s.DisplayName == "fa.step.tool").Select(s => s.SpanId).ToHashSet();
        var toolCalls = spans.Where(s => s.DisplayName.StartsWith(SpanNames.ToolCallPrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, toolCalls.Count);
        Assert.All(toolCalls, t => Assert.Contains(t.ParentSpanId, toolSteps));

        var policy = steps.Where(s => s.DisplayName == "fa.step.policy").ToList();
        Assert.Contains(policy, s => Equals(s.GetTagItem(TelemetryTags.PolicyAction), "require_human_approval")
            && ((string[])s.GetTagItem(TelemetryTags.PolicyRule)!).SequenceEqual(["notify_rule"]));

        var wait = Assert.Single(spans, s => s.DisplayName == SpanNames.ApprovalWait);
        Assert.Equal(run.SpanId, wait.ParentSpanId);
        Assert.Equal(TimeSpan.FromMinutes(5), wait.Duration);

        var appends = spans.Where(s => s.DisplayName == SpanNames.JournalAppend).ToList();
        var appenders = spans.Where(s => s.DisplayName != SpanNames.JournalAppend).Select(s => s.SpanId).ToHashSet();
        Assert.NotEmpty(appends);
        Assert.All(appends, a => Assert.Contains(a.ParentSpanId, appenders));
        Assert.All(spans, s =>
        {
            Assert.Equal("tenant-trace", s.GetTagItem(TelemetryTags.Tenant));
            Assert.Equal(runId, s.GetTagItem(TelemetryTags.CorrelationId));
        });
    }

    [Fact]
    public async Task Run_EveryJournalEvent_NamesTheSpanThatAppendedIt()
    {
        using var rig = new TelemetryRig(new StaticPolicy(new() { ["notify"] = PolicyAction.RequireHumanApproval }));
        var runId = await rig.StartAsync("tenant-events", "http", CallerTraceParent);

        await rig.DriveAsync(runId, "tenant-events");
        rig.Flush();

        var spans = rig.Spans.Where(s => Equals(s.GetTagItem(TelemetryTags.RunId), runId)).ToDictionary(s => s.Id!);
        var events = await rig.EventsAsync(runId);
        Assert.All(events, e =>
        {
            Assert.True(spans.TryGetValue(e.TraceParent, out var span), $"{e.Type} (seq {e.Seq}) names {e.TraceParent}, no span of the run");
            Assert.Contains(spans.Values, a => a.DisplayName == SpanNames.JournalAppend && a.ParentSpanId == span!.SpanId
                && (long)a.GetTagItem(TelemetryTags.FirstSeq)! <= e.Seq && e.Seq <= (long)a.GetTagItem(TelemetryTags.LastSeq)!);
        });
        Assert.Equal(SpanNames.Run, spans[events[0].TraceParent].DisplayName);
        Assert.Equal("fa.command.HumanApproved", spans[events.Single(e => e.Type == "HumanApproved").TraceParent].DisplayName);
        Assert.Equal("fa.step.finish", spans[events[^1].TraceParent].DisplayName);
        Assert.True((await rig.Journal.VerifyChainAsync(runId)).IsValid);
    }

    [Fact]
    public async Task Run_QueueMessageTraceParent_StaysTheRunsParent()
    {
        using var rig = new TelemetryRig();
        using var unrelated = new Activity("queue-poller").SetIdFormat(ActivityIdFormat.W3C).Start();

        var runId = await rig.StartAsync("tenant-queue", "queue", CallerTraceParent);
        await rig.DriveAsync(runId, "tenant-queue");
        rig.Flush();

        var run = Assert.Single(rig.Spans, s => s.DisplayName == SpanNames.Run && Equals(s.GetTagItem(TelemetryTags.RunId), runId));
        Assert.Equal(CallerTraceId, run.TraceId.ToHexString());
        Assert.Equal(CallerSpanId, run.ParentSpanId.ToHexString());
        Assert.All(await rig.EventsAsync(runId), e => Assert.Contains(CallerTraceId, e.TraceParent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_NothingListening_EventsCarryTheCallersTraceParent()
    {
        var journal = new Runtime.Journal.InMemoryEventJournal();
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        var index = new InMemoryRunIndex();
        var commands = new RunCommands(
            new RunAppender(new InstrumentedEventJournal(journal), index, clock, [new TelemetryProjection()]), index, new FakeOrchestrations(), new RunOptions());

        Assert.False(FaTelemetry.Source.HasListeners());
        var result = await commands.StartAsync(new StartRunRequest("tenant-quiet", "help", null, null, null, null, null, "http", CallerTraceParent));

        await foreach (var e in journal.ReadAsync(result.RunId))
        {
            Assert.Equal(CallerTraceParent, e.TraceParent);
        }
    }
}
