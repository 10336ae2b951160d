namespace FunctionAgents.Http.Routing;

/// <summary>
/// The HTTP API's route templates and the root-relative URIs it hands out. The local host and the
/// Azure Functions app map the same templates, so a client never knows which one it talks to.
/// </summary>
public static class ApiRoutes
{
    /// <summary>POST starts a run; GET lists the caller's runs.</summary>
    public const string Runs = "api/runs";

    /// <summary>GET: one run's state.</summary>
    public const string Run = "api/runs/{runId}";

    /// <summary>GET: one run's journal events.</summary>
    public const string RunEvents = "api/runs/{runId}/events";

    /// <summary>GET: one run's journal live, as Server-Sent Events.</summary>
    public const string RunStream = "api/runs/{runId}/stream";

    /// <summary>GET: the OpenAPI 3.1 document of this API (no key needed).</summary>
    public const string OpenApi = "api/openapi.json";

    /// <summary>POST (GET and DELETE answer 405): the MCP (streamable HTTP, stateless) endpoint of both hosts; the local host also serves it at <c>/mcp</c>.</summary>
    public const string Mcp = "api/mcp";

    /// <summary>POST: a human's decision on a step awaiting approval.</summary>
    public const string Approval = "api/runs/{runId}/approvals/{stepId}";

    /// <summary>POST: cancel a run.</summary>
    public const string Cancel = "api/runs/{runId}/cancel";

    /// <summary>GET: storage reachability and queue depths.</summary>
    public const string Health = "api/health";

    /// <summary>GET: a run as a readable timeline.</summary>
    public const string Timeline = "api/runs/{runId}/timeline";

    /// <summary>GET <c>?atSeq=N</c>: a run's folded state right after event N.</summary>
    public const string State = "api/runs/{runId}/state";

    /// <summary>GET <c>?correlationId=&amp;from=&amp;to=</c>: the caller's actions in a time range, with their justification.</summary>
    public const string Audit = "api/audit";

    /// <summary>POST with an admin key: erase a data subject by destroying its data keys (docs/privacy.md).</summary>
    public const string EraseSubject = "api/subjects/{subjectId}/erase";

    /// <summary>GET with an admin key: the runs a data subject appears in, for an access request (docs/privacy.md).</summary>
    public const string SubjectRuns = "api/subjects/{subjectId}/runs";

    /// <summary>POST: evaluate the caller's runs for a window of days.</summary>
    public const string Evaluations = "api/evaluations";

    /// <summary>GET: the caller's latest evaluation report.</summary>
    public const string EvaluationLatest = "api/evaluations/latest";

    /// <summary>GET: one evaluation report.</summary>
    public const string Evaluation = "api/evaluations/{evaluationId}";

    /// <summary>GET: every step of the caller's runs that waits for a human decision.</summary>
    public const string Approvals = "api/approvals";

    /// <summary>GET: one run's hash chain verified against its checkpoints and the run index.</summary>
    public const string Verification = "api/runs/{runId}/verification";

    /// <summary>GET <c>?from=&amp;to=</c>: per-day metrics from the caller's stored evaluation reports.</summary>
    public const string EvaluationDays = "api/evaluations/days";

    /// <summary>GET: the dashboard's static files (HTML, CSS, JavaScript, SVG); the page itself needs no key.</summary>
    public const string Dashboard = "api/dashboard/{*path}";

    /// <summary>The request header that carries the caller's API key (the Azure Functions convention).</summary>
    public const string ApiKeyHeader = "x-functions-key";

    /// <summary>The request header that makes a start idempotent.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Root-relative URI of a run's state, e.g. <c>/api/runs/run-1</c>.</summary>
    public static string RunUri(string runId) => "/api/runs/" + Uri.EscapeDataString(runId);

    public static string EventsUri(string runId) => RunUri(runId) + "/events";

    public static string StreamUri(string runId) => RunUri(runId) + "/stream";

    public static string CancelUri(string runId) => RunUri(runId) + "/cancel";

    public static string ApprovalUri(string runId, string stepId) => RunUri(runId) + "/approvals/" + Uri.EscapeDataString(stepId);
}
