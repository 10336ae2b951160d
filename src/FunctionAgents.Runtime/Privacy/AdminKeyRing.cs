using System.Security.Cryptography;
using System.Text;

namespace FunctionAgents.Runtime.Privacy;

/// <summary>
/// The admin keys (<c>FA_ADMIN_KEYS</c>: <c>name:key</c> pairs separated by commas) that may erase data subjects.
/// Only SHA-256 hashes of the keys are kept; a match names the admin, which the erasure log records.
/// </summary>
public sealed class AdminKeyRing
{
    /// <summary>The request header that carries an admin key.</summary>
    public const string Header = "x-admin-key";

    private readonly Dictionary<string, string> _nameByKeyHash;

    private AdminKeyRing(Dictionary<string, string> nameByKeyHash) => _nameByKeyHash = nameByKeyHash;

    /// <exception cref="FormatException">An entry is not <c>name:key</c> with a key of at least 16 characters.</exception>
    public static AdminKeyRing Parse(string? setting) => Parse(setting, PrivacySettingNames.AdminKeys);

    /// <summary>Parses another setting of the same <c>name:key</c> form (e.g. the metrics keys); errors name <paramref name="settingName"/>.</summary>
    /// <exception cref="FormatException">An entry is not <c>name:key</c> with a key of at least 16 characters.</exception>
    public static AdminKeyRing Parse(string? setting, string settingName)
    {
        var byHash = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = (setting ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || entry.Length - colon - 1 < 16 || entry.IndexOf(':', colon + 1) >= 0 || entry.Any(char.IsWhiteSpace))
            {
                throw new FormatException(
                    $"{settingName} entry {i + 1} must be name:key with a key of at least 16 characters, without spaces or a second ':'.");
            }

            byHash[Hash(entry[(colon + 1)..])] = entry[..colon];
        }

        return new AdminKeyRing(byHash);
    }

    /// <summary>The admin a key belongs to, or null.</summary>
    public string? FindAdmin(string? key) =>
        string.IsNullOrEmpty(key) ? null : _nameByKeyHash.GetValueOrDefault(Hash(key));

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
