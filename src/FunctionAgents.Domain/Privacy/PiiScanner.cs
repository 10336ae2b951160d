using System.Text.RegularExpressions;

namespace FunctionAgents.Domain.Privacy;

/// <summary>
/// Finds email addresses, phone numbers and payment card numbers in free text. Card numbers are 13–19 digits
/// (spaces or hyphens allowed) that pass the Luhn check. Phone numbers are digit groups separated by spaces or
/// hyphens (or a leading +, or an area code in parentheses) with 10–15 digits, or 8–15 after a +; ISO dates
/// and clock times are not phone numbers. IBANs are a country code, two check digits and 11–30 letters or digits
/// (groups of four separated by spaces allowed) that pass the ISO 13616 mod-97 check.
/// </summary>
internal static partial class PiiScanner
{
    public static IReadOnlyList<PiiFinding> Find(string? text, IReadOnlyCollection<string>? allowedEmailDomains = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var findings = new List<PiiFinding>();
        foreach (Match m in EmailPattern().Matches(text))
        {
            var domain = m.Value[(m.Value.IndexOf('@', StringComparison.Ordinal) + 1)..];
            if (allowedEmailDomains is null || !allowedEmailDomains.Any(d => IsDomainOrSubdomain(domain, d)))
            {
                findings.Add(new PiiFinding(PiiKind.Email, MaskEmail(m.Value), m.Index, m.Length));
            }
        }

        var cards = new List<(int Start, int End)>();
        foreach (Match m in CardPattern().Matches(text))
        {
            var digits = Digits(m.Value);
            if (digits.Length is >= 13 and <= 19 && PassesLuhn(digits))
            {
                cards.Add((m.Index, m.Index + m.Length));
                findings.Add(new PiiFinding(PiiKind.CardNumber, $"card number ending {digits[^4..]}", m.Index, m.Length));
            }
        }

        foreach (Match m in PhonePattern().Matches(text))
        {
            var digits = Digits(m.Value);
            var minimum = m.Value.StartsWith('+') ? 8 : 10;
            var overlapsCard = cards.Exists(c => m.Index < c.End && c.Start < m.Index + m.Length);
            if (digits.Length >= minimum && digits.Length <= 15 && !overlapsCard && !IsoDate().IsMatch(m.Value))
            {
                findings.Add(new PiiFinding(PiiKind.Phone, $"phone number ending {digits[^2..]}", m.Index, m.Length));
            }
        }

        foreach (Match m in IbanPattern().Matches(text))
        {
            var compact = m.Value.Replace(" ", string.Empty, StringComparison.Ordinal);
            if (compact.Length is >= 15 and <= 34 && PassesIbanCheck(compact))
            {
                findings.RemoveAll(f => f.Index < m.Index + m.Length && m.Index < f.Index + f.Length);
                findings.Add(new PiiFinding(PiiKind.Iban, $"IBAN ending {compact[^4..]}", m.Index, m.Length));
            }
        }

        findings.Sort((a, b) => a.Index.CompareTo(b.Index));
        return findings;
    }

    /// <summary>The Luhn (mod 10) check used by payment card numbers.</summary>
    public static bool PassesLuhn(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (d is < 0 or > 9)
            {
                return false;
            }

            if (doubled)
            {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }

            sum += d;
            doubled = !doubled;
        }

        return digits.Length > 0 && sum % 10 == 0;
    }

    /// <summary>The ISO 13616 check: move the first four characters to the end, letters to 10..35, remainder mod 97 is 1.</summary>
    public static bool PassesIbanCheck(string iban)
    {
        ArgumentNullException.ThrowIfNull(iban);
        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetterUpper(c) ? c - 'A' + 10 : -1;
            if (value < 0)
            {
                return false;
            }

            remainder = value >= 10 ? ((remainder * 100) + value) % 97 : ((remainder * 10) + value) % 97;
        }

        return iban.Length > 4 && remainder == 1;
    }

    private static bool IsDomainOrSubdomain(string domain, string allowed) =>
        domain.Equals(allowed, StringComparison.OrdinalIgnoreCase) || domain.EndsWith("." + allowed, StringComparison.OrdinalIgnoreCase);

    private static string MaskEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return $"email address {email[0]}***{email[at..]}";
    }

    private static string Digits(string text) => new([.. text.Where(char.IsAsciiDigit)]);

    [GeneratedRegex(@"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![\d-])\d(?:[ -]?\d){12,18}(?!\d)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CardPattern();

    [GeneratedRegex(@"(?<![\w+-])(?:(?:\+\d{1,3}[ -]?)?(?:\(\d{1,4}\)[ -]?)?\d{2,4}(?:[ -]\d{2,4}){1,5}|\+\d{8,15})(?![\w:-])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?![A-Za-z0-9])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex IbanPattern();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();
}

/// <summary>One piece of personal data found in a text, masked so a report never repeats it.</summary>
/// <param name="Length">How many characters of the text it spans (for redaction and for the invariant's allow list).</param>
internal sealed record PiiFinding(PiiKind Kind, string Masked, int Index, int Length);
