namespace FunctionAgents.Domain.Memory;

/// <summary>Reads a run's memory scope from its metadata and applies the tenant's opt-in.</summary>
public static class MemoryScopes
{
    /// <summary>The metadata entry that chooses the scope: <c>none</c>, <c>run</c> (default) or <c>long_term</c>.</summary>
    public const string MetadataKey = "memory";

    public static readonly IReadOnlyList<string> Names = ["none", "run", "long_term"];

    /// <summary>The scope a run asked for; null when the metadata value is not a scope name.</summary>
    public static MemoryScope? Requested(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null || !metadata.TryGetValue(MetadataKey, out var value))
        {
            return MemoryScope.Run;
        }

        return value.Trim().ToLowerInvariant() switch
        {
            "none" => MemoryScope.None,
            "run" => MemoryScope.Run,
            "long_term" => MemoryScope.LongTerm,
            _ => null,
        };
    }

    /// <summary>The scope a run gets: what it asked for, except <c>long_term</c> for a tenant that has not opted in.</summary>
    /// <returns>The scope and, when it differs from the request, why.</returns>
    public static (MemoryScope Scope, string? Reason) Effective(string tenantId, IReadOnlyDictionary<string, string>? metadata, MemoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Requested(metadata) switch
        {
            null => (MemoryScope.Run, $"metadata.{MetadataKey} is not one of {string.Join(", ", Names)}; the run scope applies"),
            MemoryScope.LongTerm when !options.LongTermTenants.Contains(tenantId) =>
                (MemoryScope.Run, $"long_term memory is not enabled for tenant {tenantId} ({MemorySettingNames.LongTermTenants}); the run scope applies"),
            var scope => (scope.Value, null),
        };
    }
}

/// <summary>What a run may remember beyond itself, chosen per run with the <c>memory</c> metadata entry.</summary>
public enum MemoryScope
{
    /// <summary>Nothing is retrieved and nothing is kept.</summary>
    None,

    /// <summary>The default: the run remembers only itself (its journal); nothing is retrieved from or written to tenant memory.</summary>
    Run,

    /// <summary>Retrieves the tenant's memory at plan time and keeps facts of the finished run. Only for tenants that opted in.</summary>
    LongTerm,
}
