using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Runtime.Models;

/// <summary>Finds the model client for a purpose: the one registered under its key, else the unkeyed one.</summary>
public static class ModelClients
{
    /// <summary>The keyed <see cref="IChatClient"/> for <paramref name="purpose"/> (one of <see cref="ModelPurposes"/>), else the unkeyed one, else null.</summary>
    public static IChatClient? Resolve(IServiceProvider services, string purpose)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        return services.GetKeyedService<IChatClient>(purpose) ?? services.GetService<IChatClient>();
    }
}
