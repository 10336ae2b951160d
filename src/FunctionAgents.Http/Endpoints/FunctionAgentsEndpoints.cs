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
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Http.Endpoints;

/// <summary>Maps the API's routes (<see cref="ApiRoutes"/>) to <see cref="RunsApi"/>; a known path with another method answers a problem+json 405 with <c>Allow</c>, anything else a problem+json 404.</summary>
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

        // Every path, also one with a file extension (HEAD /api/openapi.json): a path served with other methods is a 405
        // naming them in Allow, anything else a 404; both problem+json, never an empty routing answer.
        var methods = new RouteMethods(endpoints.ServiceProvider.GetRequiredService<EndpointDataSource>());
        endpoints.MapFallback("{**path}", (HttpContext c) => NoEndpoint(c, methods));
        return endpoints;
    }

    private static IResult NoEndpoint(HttpContext context, RouteMethods methods)
    {
        var allowed = methods.For(context.Request.Path);
        if (allowed.Count == 0)
        {
            return ApiProblems.NotFound($"No route matches {context.Request.Method} {context.Request.Path}.");
        }

        context.Response.Headers.Allow = string.Join(", ", allowed);
        return ApiProblems.MethodNotAllowed(context.Request.Method, context.Request.Path.Value ?? string.Empty, allowed);
    }
}
