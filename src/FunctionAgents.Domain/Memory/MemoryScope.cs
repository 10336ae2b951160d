namespace FunctionAgents.Domain.Memory;

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
