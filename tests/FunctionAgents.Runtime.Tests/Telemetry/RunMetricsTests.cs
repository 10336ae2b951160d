using FunctionAgents.Runtime.Tests.Runs.Fakes;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Runtime.Telemetry;
using OpenTelemetry.Metrics;

namespace FunctionAgents.Runtime.Tests.Telemetry;

/// <summary>The metrics after scripted runs equal what their journals say.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class RunMetricsTests
{
    [Fact]
    public async Task ScriptedRuns_Metrics_MatchTheJournal()
    {
        const string tenant = "tenant-metrics";
        using var rig = new TelemetryRig(new StaticPolicy(new() { ["notify"] = PolicyAction.Deny }));
        var runIds = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var runId = await rig.StartAsync(tenant, i == 0 ? "queue" : "http", null);
            await rig.DriveAsync(runId, tenant);
            runIds.Add(runId);
        }

        rig.Flush();

        var events = new List<Domain.Events.RunEvent>();
        foreach (var runId in runIds)
        {
            events.AddRange(await rig.EventsAsync(runId));
        }

        var payloads = events.Select(e => e.ReadPayload()).ToList();
        Assert.Equal(3, Sum(rig, MetricNames.RunsStarted, (TelemetryTags.Tenant, tenant)));
        Assert.Equal(1, Sum(rig, MetricNames.RunsStarted, (TelemetryTags.Tenant, tenant), (TelemetryTags.Source, "queue")));
        Assert.Equal(
            payloads.OfType<RunCompleted>().Count(),
            Sum(rig, MetricNames.RunsFinished, (TelemetryTags.Tenant, tenant), (TelemetryTags.Status, "completed")));
        Assert.Equal(
            payloads.OfType<ToolApproved>().SelectMany(p => p.Rules).Count(r => r.Name == "lookup_rule"),
            Sum(rig, MetricNames.PolicyDecisions, (TelemetryTags.PolicyRule, "lookup_rule"), (TelemetryTags.PolicyAction, "allow")));
        Assert.Equal(
            payloads.OfType<ToolRejected>().SelectMany(p => p.Rules).Count(r => r.Name == "notify_rule"),
            Sum(rig, MetricNames.PolicyDecisions, (TelemetryTags.PolicyRule, "notify_rule"), (TelemetryTags.PolicyAction, "deny")));
        Assert.Equal(3, Sum(rig, MetricNames.PolicyDecisions, (TelemetryTags.PolicyRule, "notify_rule")));
        Assert.Equal(
            payloads.OfType<ModelCalled>().Sum(p => p.InputTokens),
            Sum(rig, MetricNames.ModelTokens, (TelemetryTags.GenAiRequestModel, "gpt-test"), (TelemetryTags.GenAiTokenType, "input")));
        Assert.Equal(
            payloads.OfType<ModelCalled>().Sum(p => p.OutputTokens),
            Sum(rig, MetricNames.ModelTokens, (TelemetryTags.GenAiRequestModel, "gpt-test"), (TelemetryTags.GenAiTokenType, "output")));
        var journalCost = payloads.OfType<CostRecorded>().Sum(p => p.CostUsd);
        Assert.True(journalCost > 0m);
        Assert.Equal((double)journalCost, Sum(rig, MetricNames.Cost, (TelemetryTags.Tenant, tenant)), 9);
        Assert.Equal(
            (double)payloads.OfType<CostRecorded>().Where(p => p.Category == "model").Sum(p => p.CostUsd),
            Sum(rig, MetricNames.Cost, (TelemetryTags.Tenant, tenant), (TelemetryTags.CostCategory, "model")), 9);
        Assert.Equal(3, Count(rig, MetricNames.RunDuration, (TelemetryTags.Tenant, tenant)));
        Assert.True(Count(rig, MetricNames.StepDuration, (TelemetryTags.StepKind, "plan")) >= 3);
        
        // Each run appends at least start, plan, two policy checks, one tool, answer and finish.
        Assert.True(Count(rig, MetricNames.JournalAppendDuration, (TelemetryTags.Outcome, "ok")) >= 3 * 6);
    }

    [Fact]
    public async Task Approval_PendingGaugeAndWait_FollowTheDecision()
    {
        const string tenant = "tenant-approval";
        using var rig = new TelemetryRig(new StaticPolicy(new() { ["notify"] = PolicyAction.RequireHumanApproval }));
        var runId = await rig.StartAsync(tenant, "http", null);
        await rig.DriveAsync(runId, tenant);
        rig.Flush();

        Assert.Equal(0, Sum(rig, MetricNames.ApprovalsPending, (TelemetryTags.Tenant, tenant)));
        Assert.Equal(1, Count(rig, MetricNames.ApprovalWait, (TelemetryTags.Tool, "notify"), (TelemetryTags.PolicyAction, "approved")));
        Assert.Equal(300d, HistogramSum(rig, MetricNames.ApprovalWait, (TelemetryTags.Tool, "notify")), 6);
    }

    [Fact]
    public void RecordEvaluation_Completed_RecordsQualityRegressionsAndAlertsByTrigger()
    {
        using var rig = new TelemetryRig();
        var completed = new EvaluationCompleted(10, 1, 0.9, 0.84, -0.02, 2, 1, ["warning:quality_drop:2026-11-19", "error:regression:2026-11-19"]);

        RunTelemetry.RecordEvaluation("nightly", completed);
        rig.Flush();

        Assert.Equal(0.84, HistogramSum(rig, MetricNames.EvaluationQuality, (TelemetryTags.Evaluation, "nightly")), 9);
        Assert.Equal(2, Sum(rig, MetricNames.EvaluationRegressions, (TelemetryTags.Evaluation, "nightly")));
        Assert.Equal(2, Sum(rig, MetricNames.EvaluationAlerts, (TelemetryTags.Evaluation, "nightly")));
    }

    private static IEnumerable<MetricPoint> Points(TelemetryRig rig, string name, (string Key, object Value)[] tags)
    {
        // The in-memory exporter keeps every export; cumulative temporality makes the last one the total.
        var metric = rig.Metrics.LastOrDefault(m => m.Name == name);
        if (metric is null)
        {
            yield break;
        }

        foreach (var point in metric.GetMetricPoints())
        {
            var pointTags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags)
            {
                pointTags[tag.Key] = tag.Value;
            }

            if (tags.All(t => pointTags.TryGetValue(t.Key, out var v) && Equals(v, t.Value)))
            {
                yield return point;
            }
        }
    }

    private static double Sum(TelemetryRig rig, string name, params (string Key, object Value)[] tags) =>
        rig.Metrics.LastOrDefault(m => m.Name == name)?.MetricType.IsDouble() == true
            ? Points(rig, name, tags).Sum(p => p.GetSumDouble())
            : Points(rig, name, tags).Sum(p => p.GetSumLong());

    private static long Count(TelemetryRig rig, string name, params (string Key, object Value)[] tags) =>
        Points(rig, name, tags).Sum(p => p.GetHistogramCount());

    private static double HistogramSum(TelemetryRig rig, string name, params (string Key, object Value)[] tags) =>
        Points(rig, name, tags).Sum(p => p.GetHistogramSum());
}
