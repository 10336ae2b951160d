using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace FunctionAgents.Http.Auth;

/// <summary>
/// The API keys and the tenant each one acts for, from <c>FA_API_KEYS</c> (<c>tenant:key</c> pairs separated by
/// commas; a tenant may have several keys). Keys are held as SHA-256 hashes and looked up by hash.
/// </summary>
public sealed partial class ApiKeyRing
{
    /// <summary>The setting that lists the keys.</summary>
    public const string Setting = "FA_API_KEYS";

    private readonly Dictionary<string, string> _tenantByKeyHash;

    private ApiKeyRing(Dictionary<string, string> tenantByKeyHash) => _tenantByKeyHash = tenantByKeyHash;

    /// <summary>The distinct tenants that have a key.</summary>
    public IReadOnlyCollection<string> Tenants => _tenantByKeyHash.Values.Distinct(StringComparer.Ordinal).ToList();

    public bool IsEmpty => _tenantByKeyHash.Count == 0;

    /// <summary>Parses <see cref="Setting"/> as read through <paramref name="getSetting"/>.</summary>
    /// <exception cref="FormatException">An entry is malformed; the message names it without repeating any key.</exception>
    public static ApiKeyRing FromSettings(Func<string, string?> getSetting)
    {
        ArgumentNullException.ThrowIfNull(getSetting);
        return Parse(getSetting(Setting));
    }

    /// <summary>Parses the setting; null or blank gives an empty ring (every request is refused).</summary>
    /// <exception cref="FormatException">An entry is malformed; the message names it without repeating any key.</exception>
    public static ApiKeyRing Parse(string? setting)
    {
        var ring = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(setting))
        {
            return new ApiKeyRing(ring);
        }

        var entries = setting.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < entries.Length; i++)
        {
            var colon = entries[i].IndexOf(':', StringComparison.Ordinal);
            var tenant = colon > 0 ? entries[i][..colon] : string.Empty;
            var key = colon > 0 ? entries[i][(colon + 1)..] : string.Empty;
            if (!TenantPattern().IsMatch(tenant))
            {
                throw new FormatException(
                    $"{Setting} entry {i + 1} must be tenant:key with a tenant of 1 to 64 lowercase letters, digits and -.");
            }

            if (key.Length < 8 || key.Any(char.IsWhiteSpace))
            {
                throw new FormatException($"{Setting} entry {i + 1} (tenant {tenant}): the key must be at least 8 characters without spaces.");
            }

            // "al:pha:key" would otherwise start as tenant "al" with key "pha:key": a tenant typo must not pass silently.
            if (key.Contains(':', StringComparison.Ordinal))
            {
                throw new FormatException($"{Setting} entry {i + 1} (tenant {tenant}) has a second ':'; an entry is tenant:key and a key has no ':'.");
            }

            if (!ring.TryAdd(Hash(key), tenant))
            {
                throw new FormatException($"{Setting} entry {i + 1} (tenant {tenant}) repeats a key of an earlier entry.");
            }
        }

        return new ApiKeyRing(ring);
    }

    /// <summary>A random key for <paramref name="tenant"/>, in the setting's <c>tenant:key</c> form.</summary>
    public static string GenerateEntry(string tenant) => $"{tenant}:{Base64UrlKey()}";

    /// <summary>The tenant of <paramref name="key"/>, or null for a missing or unknown key.</summary>
    public string? FindTenant(string? key) =>
        string.IsNullOrEmpty(key) ? null : _tenantByKeyHash.GetValueOrDefault(Hash(key));

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64UrlKey() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));

    [GeneratedRegex("^[a-z0-9-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex TenantPattern();
}
