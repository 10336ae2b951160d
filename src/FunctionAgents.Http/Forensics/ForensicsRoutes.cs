namespace FunctionAgents.Http.Forensics;

/// <summary>The forensic API's route templates (relative, like the rest of the API's).</summary>
public static class ForensicsRoutes
{
    /// <summary>GET: a run as a readable timeline.</summary>
    public const string Timeline = "api/runs/{runId}/timeline";

    /// <summary>GET <c>?atSeq=N</c>: a run's folded state right after event N.</summary>
    public const string State = "api/runs/{runId}/state";

    /// <summary>GET <c>?correlationId=&amp;from=&amp;to=</c>: the caller's actions in a time range, with their justification.</summary>
    public const string Audit = "api/audit";
}
