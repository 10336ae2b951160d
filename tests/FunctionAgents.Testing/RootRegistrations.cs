using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Testing;

/// <summary>
/// Compares a host's service registrations with the shared composition root's: what each host adds on top of
/// <c>AddFunctionAgents</c> and <c>AddFunctionAgentsApi</c>, and any root type it registers a different number of times.
/// </summary>
public static class RootRegistrations
{
    /// <summary>How many times each FunctionAgents service type is registered.</summary>
    public static Dictionary<string, int> Count(IServiceCollection services) =>
        services
            .Where(d => d.ServiceType.FullName?.StartsWith("FunctionAgents.", StringComparison.Ordinal) == true)
            .GroupBy(d => d.ServiceType.FullName!)
            .ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// Every FunctionAgents service type <paramref name="host"/> registers beyond <paramref name="root"/>; a root type
    /// registered a different number of times (wired twice, or missed) shows up too, with its counts. Sorted ordinally.
    /// </summary>
    public static List<string> BeyondRoot(IServiceCollection host, IServiceCollection root)
    {
        var hostCounts = Count(host);
        var rootCounts = Count(root);
        var differing = rootCounts
            .Where(s => hostCounts.GetValueOrDefault(s.Key) != s.Value)
            .Select(s => $"{s.Key} x{hostCounts.GetValueOrDefault(s.Key)} (root x{s.Value})");
        var own = hostCounts.Keys.Where(k => !rootCounts.ContainsKey(k));
        return [.. differing.Concat(own).Order(StringComparer.Ordinal)];
    }
}
