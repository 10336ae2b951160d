using System.Diagnostics.Metrics;

namespace FunctionAgents.Runtime.Telemetry;

/// <summary>The instruments, created once on <see cref="FaTelemetry.Meter"/>.</summary>
internal static class FaMetrics
{
    // Seconds-scaled buckets (a few milliseconds to an hour): the SDK's default boundaries are for milliseconds.
    private static readonly InstrumentAdvice<double> Seconds = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600],
    };

    public static readonly Counter<long> RunsStarted =
        FaTelemetry.Meter.CreateCounter<long>(MetricNames.RunsStarted, "{run}", "Runs accepted.");

    public static readonly Counter<long> RunsFinished =
        FaTelemetry.Meter.CreateCounter<long>(MetricNames.RunsFinished, "{run}", "Runs that completed, failed or were cancelled.");

    public static readonly Histogram<double> RunDuration =
        FaTelemetry.Meter.CreateHistogram<double>(MetricNames.RunDuration, "s", "From RunStarted to the run's final event.", tags: null, advice: Seconds);

    public static readonly Histogram<double> StepDuration =
        FaTelemetry.Meter.CreateHistogram<double>(MetricNames.StepDuration, "s", "One performed step: work, sealing and append.", tags: null, advice: Seconds);

    public static readonly Counter<long> PolicyDecisions =
        FaTelemetry.Meter.CreateCounter<long>(MetricNames.PolicyDecisions, "{decision}", "Policy decisions, one per matched rule.");

    public static readonly UpDownCounter<long> ApprovalsPending =
        FaTelemetry.Meter.CreateUpDownCounter<long>(MetricNames.ApprovalsPending, "{approval}", "Tool calls waiting for a human.");

    public static readonly Histogram<double> ApprovalWait =
        FaTelemetry.Meter.CreateHistogram<double>(MetricNames.ApprovalWait, "s", "From ApprovalRequested to the decision or expiry.", tags: null, advice: Seconds);

    public static readonly Counter<long> ModelTokens =
        FaTelemetry.Meter.CreateCounter<long>(MetricNames.ModelTokens, "{token}", "Model tokens, input and output.");

    public static readonly Histogram<double> ModelDuration =
        FaTelemetry.Meter.CreateHistogram<double>(MetricNames.ModelDuration, "s", "Model call latency as recorded in ModelCalled.", tags: null, advice: Seconds);

    public static readonly Counter<double> Cost =
        FaTelemetry.Meter.CreateCounter<double>(MetricNames.Cost, "USD", "Cost of model and tool calls.");

    public static readonly Counter<long> BudgetExceeded =
        FaTelemetry.Meter.CreateCounter<long>(MetricNames.BudgetExceeded, "{run}", "Runs stopped by their budget.");

    public static readonly Histogram<double> JournalAppendDuration =
        FaTelemetry.Meter.CreateHistogram<double>(MetricNames.JournalAppendDuration, "s", "One atomic journal append.", tags: null, advice: Seconds);

    public static readonly Counter<long> JournalConflicts =
        FaTelemetry.Meter.CreateCounter<long>(MetricNames.JournalConflicts, "{conflict}", "Appends refused because the Seq was taken (409).");

    public static readonly Counter<long> QueuePoison =
        FaTelemetry.Meter.CreateCounter<long>(MetricNames.QueuePoison, "{message}", "Messages moved to a poison queue.");

    public static readonly Histogram<double> EvaluationQuality =
        FaTelemetry.Meter.CreateHistogram<double>(MetricNames.EvaluationQuality, "1", "Mean candidate quality of an evaluation.");

    public static readonly Counter<long> EvaluationRegressions =
        FaTelemetry.Meter.CreateCounter<long>(MetricNames.EvaluationRegressions, "{regression}", "Policy regressions found by evaluations.");

    public static readonly Counter<long> EvaluationAlerts =
        FaTelemetry.Meter.CreateCounter<long>(MetricNames.EvaluationAlerts, "{alert}", "Alerts raised by evaluations.");
}
