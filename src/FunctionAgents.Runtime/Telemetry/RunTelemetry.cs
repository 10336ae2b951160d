using System.Diagnostics;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Telemetry;

/// <summary>
/// Starts the run's spans so that a run is one trace: the run span is a child of the caller's traceparent, and
/// every later span (step, command, model, tool, append) descends from the run's traceparent as the journal
/// records it, whichever process or Durable activity performs it. With nothing listening, nothing is created.
/// </summary>
public static partial class RunTelemetry
{
    /// <summary>
    /// Starts the run span under <paramref name="callerTraceParent"/> (a W3C traceparent from a header or queue
    /// message) or, without one, under the current activity. Null when nothing listens.
    /// </summary>
    public static Activity? StartRun(string runId, string tenantId, string? correlationId, string source, string? callerTraceParent)
    {
        // The current span (the HTTP request) already descends from the caller when it shares the trace; a queue
        // message's traceparent is the caller itself.
        var caller = TryParse(callerTraceParent);
        var current = Activity.Current;
        var parent = caller is { } context && (current is null || current.TraceId != context.TraceId) ? context : default;
        var activity = FaTelemetry.Source.StartActivity(SpanNames.Run, ActivityKind.Internal, parent);
        activity?.SetTag(TelemetryTags.RunId, runId);
        activity?.SetTag(TelemetryTags.Tenant, tenantId);
        activity?.SetTag(TelemetryTags.CorrelationId, correlationId ?? runId);
        activity?.SetTag(TelemetryTags.Source, source);
        return activity;
    }

    /// <summary>
    /// Starts a span for work on an existing run, a child of the run's traceparent. The current activity (a host's
    /// request or a Durable activity of another trace) is linked, not adopted, so the run stays one trace.
    /// </summary>
    public static Activity? StartForRun(string name, RunState state, ActivityKind kind = ActivityKind.Internal)
    {
        ArgumentNullException.ThrowIfNull(state);
        var run = TryParse(state.TraceParent);
        var current = Activity.Current;
        Activity? activity;
        if (run is { } runContext && (current is null || current.TraceId != runContext.TraceId))
        {
            ActivityLink[]? links = current is null ? null : [new ActivityLink(current.Context)];
            activity = FaTelemetry.Source.StartActivity(name, kind, runContext, links: links);
        }
        else
        {
            activity = FaTelemetry.Source.StartActivity(name, kind);
        }

        TagRun(activity, state.RunId, state.TenantId, state.CorrelationId);
        return activity;
    }

    /// <summary>Run id, tenant and correlation id on <paramref name="activity"/>.</summary>
    public static void TagRun(Activity? activity, string runId, string tenantId, string correlationId)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(TelemetryTags.RunId, runId);
        activity.SetTag(TelemetryTags.Tenant, tenantId);
        activity.SetTag(TelemetryTags.CorrelationId, correlationId);
    }

    /// <summary>
    /// The traceparent a sealed event carries: the current span when it is recording and belongs to the run's trace
    /// (so the event leads to the span that appended it), otherwise the run's own traceparent.
    /// </summary>
    public static string TraceParentFor(RunIdentity run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var current = Activity.Current;
        if (current is { IdFormat: ActivityIdFormat.W3C, IsAllDataRequested: true } && current.Id is { } id
            && (TryParse(run.TraceParent) is not { } runContext || runContext.TraceId == current.TraceId))
        {
            return id;
        }

        return run.TraceParent;
    }

    /// <summary>Marks <paramref name="activity"/> failed with the exception's type and message.</summary>
    public static void Fail(Activity? activity, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity?.AddException(exception);
    }

    /// <summary>Records a finished evaluation's quality, regressions and alerts, tagged with its trigger (nightly, manual, cli).</summary>
    public static void RecordEvaluation(string trigger, EvaluationCompleted completed)
    {
        ArgumentNullException.ThrowIfNull(completed);
        var tag = new KeyValuePair<string, object?>(TelemetryTags.Evaluation, trigger);
        FaMetrics.EvaluationQuality.Record(completed.MeanQuality, tag);
        FaMetrics.EvaluationRegressions.Add(completed.PolicyRegressions, tag);
        FaMetrics.EvaluationAlerts.Add(completed.Alerts.Count, tag);
    }

    /// <summary>Counts a message moved to <paramref name="queue"/>'s poison queue.</summary>
    public static void RecordPoison(string queue) =>
        FaMetrics.QueuePoison.Add(1, new KeyValuePair<string, object?>(TelemetryTags.Queue, queue));

    /// <summary>Records one performed step's duration (kind, tool).</summary>
    public static void RecordStep(string kind, string? tool, TimeSpan elapsed) =>
        FaMetrics.StepDuration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>(TelemetryTags.StepKind, SpanNames.ForStep(kind)[SpanNames.StepPrefix.Length..]),
            new KeyValuePair<string, object?>(TelemetryTags.Tool, tool ?? string.Empty));

    /// <summary>The W3C context of <paramref name="traceParent"/>, or null when it is missing or malformed.</summary>
    public static ActivityContext? TryParse(string? traceParent) =>
        !string.IsNullOrEmpty(traceParent) && ActivityContext.TryParse(traceParent, null, isRemote: true, out var context) ? context : null;
}
