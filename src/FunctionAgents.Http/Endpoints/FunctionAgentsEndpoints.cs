using FunctionAgents.Http.Dashboard;
using FunctionAgents.Http.Evaluations;
using FunctionAgents.Http.Forensics;
using FunctionAgents.Http.OpenApi;
using FunctionAgents.Http.Privacy;
using FunctionAgents.Http.Problems;
using FunctionAgents.Http.Routing;
using FunctionAgents.Http.Streaming;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FunctionAgents.Http.Endpoints;

/// <summary>Maps the API's routes (<see cref="ApiRoutes"/>) to <see cref="RunsApi"/>; anything else answers a problem+json 404.</summary>
public static class FunctionAgentsEndpoints
{
    public static IEndpointRouteBuilder MapFunctionAgentsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(ApiRoutes.Runs, (HttpContext c, RunsApi api) => api.StartRunAsync(c));
        endpoints.MapGet(ApiRoutes.Runs, (HttpContext c, RunsApi api) => api.ListRunsAsync(c));
        endpoints.MapGet(ApiRoutes.Run, (HttpContext c, RunsApi api, string runId) => api.GetRunAsync(c, runId));
        endpoints.MapGet(ApiRoutes.RunEvents, (HttpContext c, RunsApi api, string runId) => api.GetEventsAsync(c, runId));
        endpoints.MapGet(ApiRoutes.RunStream, (HttpContext c, RunStreamApi api, string runId) => api.StreamAsync(c, runId));
        endpoints.MapPost(ApiRoutes.Approval, (HttpContext c, RunsApi api, string runId, string stepId) => api.DecideApprovalAsync(c, runId, stepId));
        endpoints.MapPost(ApiRoutes.Cancel, (HttpContext c, RunsApi api, string runId) => api.CancelRunAsync(c, runId));
        endpoints.MapGet(ApiRoutes.OpenApi, () => OpenApiDocument.Serve());
        endpoints.MapGet(ApiRoutes.Health, (HttpContext c, RunsApi api) => api.HealthAsync(c));
        endpoints.MapFunctionAgentsEvaluations();
        endpoints.MapFunctionAgentsForensics();
        endpoints.MapFunctionAgentsDashboard();
        endpoints.MapFunctionAgentsPrivacy();
        endpoints.MapFallback((HttpContext c) => ApiProblems.NotFound($"No route matches {c.Request.Method} {c.Request.Path}."));
        return endpoints;
    }
}
