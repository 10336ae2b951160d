using FunctionAgents.Domain.Evaluation.Trends;
using FunctionAgents.Http.Approvals;
using FunctionAgents.Http.Evaluations;
using FunctionAgents.Http.Forensics;
using FunctionAgents.Http.Routing;
using FunctionAgents.Runtime.Evaluation;
using FunctionAgents.Runtime.Evaluation.Trends;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionAgents.Http.Dashboard;

/// <summary>
/// Maps the dashboard (<see cref="ApiRoutes.Dashboard"/>) and the read endpoints it is built on that the API lacked: the
/// approval queue, a run's chain verification and per-day evaluation trends. Call before the API's fallback route.
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>
    /// Maps the routes when the host registered them (<see cref="AddFunctionAgentsDashboard"/>); a host without the dashboard
    /// keeps its route table unchanged, and these paths answer the fallback's 404.
    /// </summary>
    public static IEndpointRouteBuilder MapFunctionAgentsDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(DashboardFiles)) != true)
        {
            return endpoints;
        }

        endpoints.MapGet(ApiRoutes.Dashboard, (HttpContext c, DashboardFiles files, string? path) => files.Serve(c, path));
        endpoints.MapGet(ApiRoutes.Approvals, (HttpContext c, ApprovalsApi api) => api.ListAsync(c));
        endpoints.MapGet(ApiRoutes.Verification, (HttpContext c, RunVerificationApi api, string runId) => api.VerifyAsync(c, runId));
        endpoints.MapGet(ApiRoutes.EvaluationDays, (HttpContext c, EvaluationTrendsApi api) => api.GetDaysAsync(c));
        return endpoints;
    }

    /// <summary>Registers the files and handlers; call after <c>AddFunctionAgentsHttp</c>, <c>AddFunctionAgentsEvaluation</c> and <c>AddFunctionAgentsForensics</c>.</summary>
    public static IServiceCollection AddFunctionAgentsDashboard(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Auth.TenantGate>();
        services.AddSingleton(_ => DashboardFiles.Load());
        services.AddSingleton<ApprovalsApi>();
        services.AddSingleton<RunVerificationApi>();
        services.AddSingleton(sp => new EvaluationTrends(sp.GetRequiredService<IEvaluationReportCatalog>(), sp.GetRequiredService<EvaluationService>()));
        services.AddSingleton<EvaluationTrendsApi>();
        return services;
    }
}
