using System.Text.Json;

namespace FunctionAgents.Domain.Policy;

/// <summary>
/// The domain of an email address or an http(s) URL, and whether it lies inside a list of domains
/// (a domain matches itself and its subdomains, case-insensitively).
/// </summary>
internal static class DomainMatching
{
    /// <summary>
    /// True when the value is an address/URL, or a non-empty list of them, and every one's domain is in the list.
    /// Anything else (not an address, an empty list, a non-string element) is outside every list.
    /// </summary>
    public static bool AllInside(JsonElement value, IReadOnlyList<string> domains) => value.ValueKind switch
    {
        JsonValueKind.String => Inside(value.GetString()!, domains),
        JsonValueKind.Array => value.GetArrayLength() > 0
            && value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String && Inside(item.GetString()!, domains)),
        _ => false,
    };

    /// <summary>The lower-case domain of an email address (<c>ann@x.example</c>, <c>Ann &lt;ann@x.example&gt;</c>) or an http(s) URL; null for anything else.</summary>
    public static string? DomainOf(string text)
    {
        var candidate = text.Trim();
        if (candidate.Contains("://", StringComparison.Ordinal))
        {
            return Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                    ? Normalize(uri.IdnHost)
                    : null;
        }

        var open = candidate.LastIndexOf('<');
        if (open >= 0 && candidate.EndsWith('>'))
        {
            candidate = candidate[(open + 1)..^1].Trim();
        }

        var at = candidate.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != candidate.LastIndexOf('@') || candidate.Any(c => char.IsWhiteSpace(c) || c is ',' or ';' or '<' or '>'))
        {
            return null;
        }

        var domain = candidate[(at + 1)..];
        return domain.Length > 0 && domain.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.') ? Normalize(domain) : null;
    }

    /// <summary>Normalizes a domain written in a policy: lower case, no trailing dot.</summary>
    public static string Normalize(string domain) => domain.TrimEnd('.').ToLowerInvariant();

    private static bool Inside(string text, IReadOnlyList<string> domains)
    {
        var domain = DomainOf(text);
        return domain is not null && domains.Any(listed =>
            domain == listed || domain.EndsWith("." + listed, StringComparison.Ordinal));
    }
}
