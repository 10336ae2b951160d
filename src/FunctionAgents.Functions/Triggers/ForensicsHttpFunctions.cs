// Reference sheet sections 1.2 (ASP.NET Core integration: HttpRequest in, IResult out), 2.2 (HttpTrigger with Route;
// route tokens bind by parameter name); checklist section 7 item 1 (the auth level is explicit).
using FunctionAgents.Http.Forensics;
using FunctionAgents.Http.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionAgents.Functions.Triggers;

/// <summary>The forensic API (timeline, state at a version, audit): each function hands the request to the local host's handler.</summary>
public sealed class ForensicsHttpFunctions
{
    private readonly ForensicsApi _api;

    public ForensicsHttpFunctions(ForensicsApi api) => _api = api;

    [Function("GetRunTimeline")]
    public Task<IResult> GetTimelineAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Timeline)] HttpRequest request, string runId) =>
        _api.GetTimelineAsync(request.HttpContext, runId);

    [Function("GetRunState")]
    public Task<IResult> GetStateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.State)] HttpRequest request, string runId) =>
        _api.GetStateAsync(request.HttpContext, runId);

    [Function("GetAudit")]
    public Task<IResult> GetAuditAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Audit)] HttpRequest request) =>
        _api.GetAuditAsync(request.HttpContext);
}
