using System.Text;
using FunctionAgents.Domain.Forensics.Invariants;

namespace FunctionAgents.Domain.Privacy;

/// <summary>
/// Replaces the personal data a pattern recognizes in free text (email addresses, phone numbers, IBANs with a
/// valid check, Luhn-valid card numbers) and any of the given known values (names from customer fields) with a
/// marker such as <c>[email]</c>.
/// </summary>
public static class PiiRedactor
{
    /// <summary>The text with each recognized piece of personal data replaced by its marker.</summary>
    /// <param name="knownValues">Values to redact wherever they appear (case-insensitive), such as a customer's name; shorter than 2 characters are ignored.</param>
    public static string Redact(string text, IEnumerable<string>? knownValues = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = PiiScanner.Find(text).Select(f => (f.Index, f.Length, Marker: Marker(f.Kind))).ToList();
        foreach (var value in knownValues?.Where(v => v.Trim().Length >= 2).Select(v => v.Trim()) ?? [])
        {
            for (var at = text.IndexOf(value, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.OrdinalIgnoreCase))
            {
                spans.Add((at, value.Length, "[name]"));
            }
        }

        var result = new StringBuilder(text.Length);
        var position = 0;
        foreach (var (index, length, marker) in spans.OrderBy(s => s.Index).ThenByDescending(s => s.Length))
        {
            if (index < position)
            {
                continue;
            }

            result.Append(text, position, index - position).Append(marker);
            position = index + length;
        }

        return result.Append(text, position, text.Length - position).ToString();
    }

    private static string Marker(PiiKind kind) => kind switch
    {
        PiiKind.Email => "[email]",
        PiiKind.Phone => "[phone]",
        PiiKind.CardNumber => "[card]",
        PiiKind.Iban => "[iban]",
        _ => "[personal data]",
    };
}

/// <summary>The kinds of personal data <see cref="PiiScanner"/> recognizes.</summary>
internal enum PiiKind
{
    Email,
    Phone,
    CardNumber,
    Iban,
}
