using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Text;
using System.Text.Json;
using FunctionAgents.Domain.Events;

namespace FunctionAgents.Domain.Privacy;

/// <summary>
/// Who a run's personal data belongs to (its data subject), and the pseudonymous reference stored instead of
/// the subject id. The subject is, in order: the run metadata's <c>subject</c>, <c>customer_id</c> or
/// <c>customer_email</c>; the first email address in the goal; otherwise the run itself (<c>run:&lt;RunId&gt;</c>),
/// so a run with no named person still has its own erasable key.
/// </summary>
public static partial class SubjectIds
{
    /// <summary>Metadata keys that name the subject, most specific first.</summary>
    public static readonly IReadOnlyList<string> MetadataKeys = ["subject", "customer_id", "customer_email"];

    /// <summary>The normalized subject id of the run that <paramref name="started"/> started.</summary>
    public static string Resolve(string runId, RunStarted started)
    {
        ArgumentNullException.ThrowIfNull(started);
        if (started.Metadata is { } metadata)
        {
            foreach (var key in MetadataKeys)
            {
                if (metadata.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value))
                {
                    return Normalize(value);
                }
            }
        }

        var email = Email().Match(started.Goal);
        return email.Success ? Normalize(email.Value) : OfRun(runId);
    }

    /// <summary>
    /// The subject id that stands for the run itself (<c>run:&lt;RunId&gt;</c>): the run's data key is this subject's
    /// key, one per run, and erasing it erases the run.
    /// </summary>
    public static string OfRun(string runId)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        return Normalize("run:" + runId);
    }

    /// <summary>Subject ids compare case-insensitively and without surrounding space.</summary>
    public static string Normalize(string subjectId)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        return subjectId.Trim().ToLowerInvariant();
    }

    /// <summary>
    /// The stored stand-in for a subject: SHA-256 of tenant and normalized subject id. Tables key by it, so no
    /// table names the person; an erasure request names the person and is hashed the same way.
    /// </summary>
    public static string Reference(string tenantId, string subjectId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        var text = tenantId + "\n" + Normalize(subjectId);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// The subjects an event's payload names, normalized: every email address, and every <c>customer_id</c> value (a
    /// shop row, a ticket, a tool input), so a person found during a run is linked to it by either identifier.
    /// </summary>
    public static IReadOnlyCollection<string> Discover(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in StringsOf(payload))
        {
            foreach (Match match in Email().Matches(text))
            {
                found.Add(Normalize(match.Value));
            }
        }

        foreach (Match match in CustomerId().Matches(payload))
        {
            found.Add(Normalize(match.Groups["id"].Value));
        }

        return found;
    }

    /// <summary>
    /// The payload's string values, unescaped: an email inside quotes reads <c>\u0027a@b.example\u0027</c> in the JSON
    /// text, which the email pattern would take for <c>u0027a@b.example</c>. A payload that is not JSON is read as text.
    /// </summary>
    private static List<string> StringsOf(string payload)
    {
        var strings = new List<string>();
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(payload));
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String && reader.GetString() is { } value && value.Contains('@', StringComparison.Ordinal))
                {
                    strings.Add(value);
                }
            }
        }
        catch (JsonException)
        {
            return [payload];
        }

        return strings;
    }

    [GeneratedRegex(@"""customer_?id""\s*:\s*""?(?<id>[A-Za-z0-9_-]{1,64})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex CustomerId();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Email();
}
