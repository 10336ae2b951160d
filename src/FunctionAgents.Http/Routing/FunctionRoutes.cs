namespace FunctionAgents.Http.Routing;

/// <summary>
/// The <see cref="ApiRoutes"/> templates as Azure Functions HTTP triggers write them: relative to the host's
/// <c>api</c> route prefix. A test checks that <c>"api/" + each of these</c> is an <see cref="ApiRoutes"/> template.
/// </summary>
public static class FunctionRoutes
{
    public const string RoutePrefix = "api";
    public const string Runs = "runs";
    public const string Run = "runs/{runId}";
    public const string RunEvents = "runs/{runId}/events";
    public const string RunStream = "runs/{runId}/stream";
    public const string OpenApi = "openapi.json";
    public const string Mcp = "mcp";
    public const string Approval = "runs/{runId}/approvals/{stepId}";
    public const string Cancel = "runs/{runId}/cancel";
    public const string Health = "health";
    public const string Timeline = "runs/{runId}/timeline";
    public const string State = "runs/{runId}/state";
    public const string Audit = "audit";
    public const string EraseSubject = "subjects/{subjectId}/erase";
    public const string SubjectRuns = "subjects/{subjectId}/runs";
    public const string Evaluations = "evaluations";
    public const string EvaluationLatest = "evaluations/latest";
    public const string Evaluation = "evaluations/{evaluationId}";
    public const string Approvals = "approvals";
    public const string Verification = "runs/{runId}/verification";
    public const string EvaluationDays = "evaluations/days";
    public const string Dashboard = "dashboard/{*path}";
}
