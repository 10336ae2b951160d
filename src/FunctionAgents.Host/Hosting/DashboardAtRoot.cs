using FunctionAgents.Http.Dashboard;

namespace FunctionAgents.Host.Hosting;

/// <summary>
/// The local host serves the dashboard at <c>/dashboard</c> as well as at <c>/api/dashboard</c>, where both hosts serve it:
/// an Azure Functions app can only serve HTTP functions under its <c>api</c> route prefix.
/// </summary>
internal static class DashboardAtRoot
{
    public const string Route = "dashboard/{*path}";

    public static IEndpointRouteBuilder MapDashboardAtRoot(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, (HttpContext c, DashboardFiles files, string? path) => files.Serve(c, path));
        return endpoints;
    }
}
