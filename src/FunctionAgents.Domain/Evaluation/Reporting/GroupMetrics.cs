namespace FunctionAgents.Domain.Evaluation.Reporting;

/// <summary>The metrics of one group of runs (all runs, a day, a route, a model or a tenant), baseline against candidate.</summary>
/// <param name="Key">The group: <c>all</c>, a day <c>yyyy-MM-dd</c>, a route, a model or a tenant id.</param>
/// <param name="ReplayDelta">Candidate mean quality minus baseline mean quality.</param>
/// <param name="CostDelta">(candidate cost - baseline cost) / baseline cost; 0 when both are 0, null when only the baseline is 0.</param>
/// <param name="PolicyRegressions">Steps whose policy decision differs from the baseline's.</param>
/// <param name="DivergentRuns">Runs whose replay differs from the recording.</param>
/// <param name="UnrecordedCalls">Tool calls the replays needed but the recordings did not hold.</param>
public sealed record GroupMetrics(
    string Key,
    int Runs,
    SideMetrics Baseline,
    SideMetrics Candidate,
    double ReplayDelta,
    double? CostDelta,
    int PolicyRegressions,
    int DivergentRuns,
    int UnrecordedCalls);
