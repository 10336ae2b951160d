using System.Text.RegularExpressions;

namespace FunctionAgents.Runtime.Hosting;

/// <summary>
/// The concrete table and queue names of one deployment: the base names with the optional
/// <see cref="SettingNames.StoragePrefix"/> in front (tables: <c>prefix + name</c>; queues: <c>prefix-name</c>).
/// </summary>
public sealed partial record StorageNames
{
    private StorageNames(string prefix, string journalTable)
    {
        Prefix = prefix;
        Journal = Table(journalTable);
    }

    /// <summary>The prefix, or empty.</summary>
    public string Prefix { get; }

    public string Journal { get; }

    public string RunsByTenant => Table(TableNames.RunsByTenant);

    public string RunsByDay => Table(TableNames.RunsByDay);

    public string Schedules => Table(TableNames.Schedules);

    public string AgentRuns => Queue(QueueNames.AgentRuns);

    public string AgentRunsPoison => QueueNames.Poison(AgentRuns);

    /// <summary>The queues whose depths the health endpoint reports.</summary>
    public IReadOnlyList<string> AllQueues => [AgentRuns, AgentRunsPoison];

    /// <param name="prefix">Lowercase letters and digits, at most 20, starting with a letter; empty for none.</param>
    /// <param name="journalTable">The journal table's base name.</param>
    /// <exception cref="FormatException">The prefix is not usable in both table and queue names.</exception>
    public static StorageNames Create(string? prefix, string journalTable = TableNames.Journal)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(journalTable);
        prefix ??= string.Empty;
        if (prefix.Length > 0 && !PrefixPattern().IsMatch(prefix))
        {
            throw new FormatException(
                $"{SettingNames.StoragePrefix} '{prefix}' must be 1 to 20 lowercase letters and digits, starting with a letter.");
        }

        return new StorageNames(prefix, journalTable);
    }

    /// <summary>The deployment's name for a table (letters and digits).</summary>
    public string Table(string baseName) => Prefix + baseName;

    /// <summary>The deployment's name for a queue (lowercase letters, digits, hyphens).</summary>
    public string Queue(string baseName) => Prefix.Length == 0 ? baseName : Prefix + "-" + baseName;

    [GeneratedRegex("^[a-z][a-z0-9]{0,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();
}
