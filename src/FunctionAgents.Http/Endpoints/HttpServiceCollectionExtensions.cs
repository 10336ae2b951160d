using FunctionAgents.Http.Auth;
using FunctionAgents.Http.Streaming;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionAgents.Http.Endpoints;

/// <summary>Registers the HTTP API's handlers; call after the storage and core wiring.</summary>
public static class HttpServiceCollectionExtensions
{
    public static IServiceCollection AddFunctionAgentsHttp(this IServiceCollection services, ApiKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        services.AddSingleton(keys);
        services.TryAddSingleton<TenantGate>();
        services.AddSingleton<RunsApi>();
        services.TryAddSingleton(RunStreamOptions.Default);
        services.AddSingleton<RunStreamApi>();
        return services;
    }
}
