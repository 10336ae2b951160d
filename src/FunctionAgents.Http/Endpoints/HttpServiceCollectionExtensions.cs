using FunctionAgents.Http.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Http.Endpoints;

/// <summary>Registers the HTTP API's handlers; call after the storage and core wiring.</summary>
public static class HttpServiceCollectionExtensions
{
    public static IServiceCollection AddFunctionAgentsHttp(this IServiceCollection services, ApiKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        services.AddSingleton(keys);
        services.AddSingleton<RunsApi>();
        return services;
    }
}
