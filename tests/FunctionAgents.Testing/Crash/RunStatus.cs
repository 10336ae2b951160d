namespace FunctionAgents.Testing.Crash;

/// <summary>What GET /api/runs/{runId} said: the status, the approve URIs of waiting steps and the failure code, if any.</summary>
public sealed record RunStatus(string Status, IReadOnlyList<string> PendingApproveUris, string? FailureCode)
{
    public bool IsFinished => RunApi.Finished.Contains(Status);
}
