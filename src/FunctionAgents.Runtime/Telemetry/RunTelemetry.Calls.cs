using System.Diagnostics;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Telemetry;

public static partial class RunTelemetry
{
    /// <summary>Starts the span of one tool call under the current step.</summary>
    public static Activity? StartToolCall(RunState state, string stepId, string tool)
    {
        ArgumentNullException.ThrowIfNull(state);
        var activity = FaTelemetry.Source.StartActivity(SpanNames.ToolCallPrefix + tool, ActivityKind.Internal);
        TagRun(activity, state.RunId, state.TenantId, state.CorrelationId);
        activity?.SetTag(TelemetryTags.StepId, stepId);
        activity?.SetTag(TelemetryTags.Tool, tool);
        return activity;
    }

    /// <summary>Puts the tool, the action and every matched rule on the current (policy) span.</summary>
    public static void TagPolicy(string stepId, string tool, PolicyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var activity = Activity.Current;
        if (activity is null || !activity.IsAllDataRequested)
        {
            return;
        }

        activity.SetTag(TelemetryTags.StepId, stepId);
        activity.SetTag(TelemetryTags.Tool, tool);
        activity.SetTag(TelemetryTags.PolicyAction, PolicyActionText.ToText(decision.Action));
        activity.SetTag(TelemetryTags.PolicyRule, decision.Matches.Select(m => m.Name).ToArray());
    }

    /// <summary>
    /// Records the wait for a human as a span from the request to the decision, a child of the run, and the
    /// approval wait histogram. Called once the decision (or expiry) is in the journal.
    /// </summary>
    public static void RecordApprovalWait(RunState state, string tool, string outcome, DateTimeOffset requestedAt, DateTimeOffset decidedAt)
    {
        ArgumentNullException.ThrowIfNull(state);
        var wait = decidedAt - requestedAt;
        FaMetrics.ApprovalWait.Record(
            Math.Max(0, wait.TotalSeconds),
            new KeyValuePair<string, object?>(TelemetryTags.Tool, tool),
            new KeyValuePair<string, object?>(TelemetryTags.PolicyAction, outcome));
        using var activity = FaTelemetry.Source.StartActivity(
            SpanNames.ApprovalWait, ActivityKind.Internal, TryParse(state.TraceParent) ?? default, startTime: requestedAt);
        if (activity is null)
        {
            return;
        }

        TagRun(activity, state.RunId, state.TenantId, state.CorrelationId);
        activity.SetTag(TelemetryTags.Tool, tool);
        activity.SetTag(TelemetryTags.PolicyAction, outcome);
        activity.SetEndTime(decidedAt.UtcDateTime < requestedAt.UtcDateTime ? requestedAt.UtcDateTime : decidedAt.UtcDateTime);
    }
}
