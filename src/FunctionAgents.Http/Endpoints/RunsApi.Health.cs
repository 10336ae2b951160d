using FunctionAgents.Http.Contracts;
using Microsoft.AspNetCore.Http;

namespace FunctionAgents.Http.Endpoints;

public sealed partial class RunsApi
{
    /// <summary>GET /api/health: 200 when storage answers (with the run queues' depths), 503 when it does not.</summary>
    public Task<IResult> HealthAsync(HttpContext context) => AsTenantAsync(context, async _ =>
    {
        var health = await _storage.CheckAsync(context.RequestAborted);
        var body = new HealthResponse(health.Reachable ? "healthy" : "unhealthy", health.Reachable, health.Error, health.QueueDepths);
        return TypedResults.Json(body, HttpJsonContext.Default.HealthResponse, statusCode: health.Reachable ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    });
}
