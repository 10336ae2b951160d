using FunctionAgents.Http.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionAgents.Http.Evaluations;

/// <summary>Maps the evaluation routes to <see cref="EvaluationsApi"/>; call before the API's fallback route.</summary>
public static class EvaluationsEndpoints
{
    public static IEndpointRouteBuilder MapFunctionAgentsEvaluations(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(ApiRoutes.Evaluations, (HttpContext c, EvaluationsApi api) => api.StartAsync(c));
        endpoints.MapGet(ApiRoutes.EvaluationLatest, (HttpContext c, EvaluationsApi api) => api.GetLatestAsync(c));
        endpoints.MapGet(ApiRoutes.Evaluation, (HttpContext c, EvaluationsApi api, string evaluationId) => api.GetAsync(c, evaluationId));
        return endpoints;
    }

    /// <summary>Registers the handlers; call after <c>AddFunctionAgentsHttp</c> and <c>AddFunctionAgentsEvaluation</c>.</summary>
    public static IServiceCollection AddFunctionAgentsEvaluationsHttp(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<Auth.TenantGate>();
        services.AddSingleton<EvaluationsApi>();
        return services;
    }
}
