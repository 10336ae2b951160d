using System.Globalization;

namespace FunctionAgents.Domain.Memory;

/// <summary>Tenant memory limits: who may keep long-term memory, how long entries live, how big they may be.</summary>
public sealed record MemoryOptions
{
    public static readonly TimeSpan DefaultTtl = TimeSpan.FromDays(30);

    public IReadOnlySet<string> LongTermTenants { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public TimeSpan Ttl { get; init; } = DefaultTtl;

    public IReadOnlyDictionary<string, TimeSpan> TenantTtl { get; init; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

    public int MaxEntryChars { get; init; } = 2000;

    /// <summary>The most entries one retrieval returns.</summary>
    public int MaxItems { get; init; } = 5;

    public TimeSpan TtlFor(string tenantId) => TenantTtl.TryGetValue(tenantId, out var ttl) ? ttl : Ttl;

    /// <exception cref="FormatException">A memory setting is malformed; the message names it.</exception>
    public static MemoryOptions FromSettings(Func<string, string?> getSetting)
    {
        ArgumentNullException.ThrowIfNull(getSetting);
        var tenants = (getSetting(MemorySettingNames.LongTermTenants) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var perTenant = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var entry in (getSetting(MemorySettingNames.TenantTtlDays) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = entry.LastIndexOf(':');
            perTenant[colon > 0 ? entry[..colon] : entry] = Days(MemorySettingNames.TenantTtlDays, colon > 0 ? entry[(colon + 1)..] : string.Empty);
        }

        return new MemoryOptions
        {
            LongTermTenants = new HashSet<string>(tenants, StringComparer.Ordinal),
            Ttl = getSetting(MemorySettingNames.TtlDays) is { Length: > 0 } days ? Days(MemorySettingNames.TtlDays, days) : DefaultTtl,
            TenantTtl = perTenant,
            MaxEntryChars = getSetting(MemorySettingNames.MaxEntryChars) is { Length: > 0 } max
                ? int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out var chars) && chars > 0 ? chars
                    : throw new FormatException($"{MemorySettingNames.MaxEntryChars} must be a positive whole number of characters.")
                : 2000,
        };
    }

    private static TimeSpan Days(string setting, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is > 0 and <= 3650
            ? TimeSpan.FromDays(days)
            : throw new FormatException($"{setting} needs a whole number of days from 1 to 3650.");
}
