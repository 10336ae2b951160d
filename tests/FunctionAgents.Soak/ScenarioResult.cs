namespace FunctionAgents.Soak;

/// <summary>One row of the results table: what was tried, how many held, and the first failure if any.</summary>
internal sealed record ScenarioResult(string Name, long Attempts, long Failures, TimeSpan Elapsed, string Detail)
{
    public bool Passed => Failures == 0;
}
