using FunctionAgents.Http.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Http.Forensics;

/// <summary>Maps the forensic routes (<see cref="ApiRoutes"/>) to <see cref="ForensicsApi"/>; call before the API's fallback route.</summary>
public static class ForensicsEndpoints
{
    /// <summary>
    /// Maps the routes when the host registered <see cref="ForensicsApi"/> (<c>AddFunctionAgentsForensicsHttp</c>); a host
    /// without forensics keeps its route table unchanged, and these paths answer the fallback's 404.
    /// </summary>
    public static IEndpointRouteBuilder MapFunctionAgentsForensics(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(ForensicsApi)) != true)
        {
            return endpoints;
        }

        endpoints.MapGet(ApiRoutes.Timeline, (HttpContext c, ForensicsApi api, string runId) => api.GetTimelineAsync(c, runId));
        endpoints.MapGet(ApiRoutes.State, (HttpContext c, ForensicsApi api, string runId) => api.GetStateAsync(c, runId));
        endpoints.MapGet(ApiRoutes.Audit, (HttpContext c, ForensicsApi api) => api.GetAuditAsync(c));
        return endpoints;
    }
}
