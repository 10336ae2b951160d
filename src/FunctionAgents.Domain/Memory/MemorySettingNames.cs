namespace FunctionAgents.Domain.Memory;

/// <summary>The app settings of tenant memory (docs/privacy.md, "Memory").</summary>
public static class MemorySettingNames
{
    /// <summary>Comma-separated tenants that opted into <c>long_term</c> memory; none by default.</summary>
    public const string LongTermTenants = "FA_MEMORY_LONG_TERM_TENANTS";

    /// <summary>Days a memory entry lives; default 30.</summary>
    public const string TtlDays = "FA_MEMORY_TTL_DAYS";

    /// <summary><c>tenant:days</c> pairs separated by commas: a tenant's own TTL.</summary>
    public const string TenantTtlDays = "FA_MEMORY_TENANT_TTL_DAYS";

    /// <summary>The most characters one entry may hold; default 2000.</summary>
    public const string MaxEntryChars = "FA_MEMORY_MAX_ENTRY_CHARS";
}
