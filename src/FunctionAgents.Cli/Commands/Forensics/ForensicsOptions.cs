using System.CommandLine;
using System.Globalization;
using FunctionAgents.Domain.Forensics.Invariants;

namespace FunctionAgents.Cli.Commands.Forensics;

/// <summary>Options the forensic verbs share, and their parsing with one-line errors (exit 2).</summary>
internal static class ForensicsOptions
{
    public static Option<string?> From(string description) => new("--from") { Description = description + " A UTC day (yyyy-MM-dd) or an ISO 8601 time." };

    public static Option<string?> To(string description) => new("--to") { Description = description + " A UTC day (yyyy-MM-dd, inclusive) or an ISO 8601 time (exclusive)." };

    /// <summary>
    /// [from, until) from the options: a day means its whole day (so <c>--to 2026-03-01</c> includes March 1st), a time
    /// means that instant. Without <c>--to</c>, until now; without <c>--from</c>, <paramref name="defaultDays"/> days before.
    /// </summary>
    public static (DateTimeOffset From, DateTimeOffset Until) Window(string? from, string? to, int defaultDays)
    {
        var until = to is null ? DateTimeOffset.UtcNow : Time(to, "--to", endOfDay: true);
        var start = from is null ? until.AddDays(-defaultDays) : Time(from, "--from", endOfDay: false);
        return until > start ? (start, until) : throw CliException.Usage("--to must come after --from");
    }

    public static DateTimeOffset Time(string text, string option, bool endOfDay)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset((endOfDay ? day.AddDays(1) : day).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw CliException.Usage($"{option} '{text}' is neither a day (yyyy-MM-dd) nor an ISO 8601 time");
    }

    /// <summary>The registered invariant of that name; exit 2 listing the known ones otherwise.</summary>
    public static IRunInvariant Invariant(InvariantRegistry registry, string name) =>
        registry.TryGet(name, out var invariant)
            ? invariant
            : throw CliException.Usage($"there is no invariant '{name}'; known: {string.Join(", ", registry.All.Select(i => i.Name))}");
}
