using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Http.Forensics;

/// <summary>Registers the forensic API's handlers; call after <c>AddFunctionAgentsHttp</c> and <c>AddFunctionAgentsForensics</c>.</summary>
public static class ForensicsHttpServiceCollectionExtensions
{
    public static IServiceCollection AddFunctionAgentsForensicsHttp(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<ForensicsApi>();
        return services;
    }
}
