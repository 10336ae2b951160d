using System.CommandLine;
using System.Globalization;

namespace FunctionAgents.Cli.Commands;

/// <summary>Options several verbs share, and parsing of their values with one-line errors.</summary>
internal static class CliOptions
{
    public static Option<string?> Storage() => new("--storage")
    {
        Description = "Storage connection string; default: the AzureWebJobsStorage setting (connection string or identity-based), as the host reads it.",
    };

    public static Option<string?> JournalFile() => new("--journal-file")
    {
        Description = "Read runs from exported journal events (JSON Lines, one event per line) instead of storage.",
    };

    public static Option<string?> Tenant(string description) => new("--tenant") { Description = description };

    public static Option<string> Format(string description, params string[] formats)
    {
        var option = new Option<string>("--format") { Description = description, DefaultValueFactory = _ => formats[0] };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    /// <summary>A UTC day written <c>yyyy-MM-dd</c>; exit 2 naming the option otherwise.</summary>
    public static DateOnly Day(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw CliException.Usage($"{option} '{text}' is not a day written yyyy-MM-dd");

    public static DateOnly? OptionalDay(string? text, string option) => text is null ? null : Day(text, option);
}
