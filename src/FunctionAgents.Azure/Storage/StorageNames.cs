using System.Text.RegularExpressions;

namespace FunctionAgents.Azure.Storage;

/// <summary>
/// Every table and queue name of the runtime, in one place: the base names (<see cref="Tables"/>, <see cref="Queues"/>)
/// and the concrete names of one deployment, with the optional <see cref="StorageSettings.PrefixSetting"/> in front
/// (tables: <c>prefix + name</c>; queues: <c>prefix-name</c>). Both hosts resolve names only through this type, so a
/// prefix means the same in the local host and the Functions app.
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

    public string RunsByTenant => Table(Tables.RunsByTenant);

    public string RunsByDay => Table(Tables.RunsByDay);

    public string Schedules => Table(Tables.Schedules);

    public string AgentRuns => Queue(Queues.AgentRuns);

    public string AgentRunsPoison => Queues.Poison(AgentRuns);

    /// <summary>The queues whose depths the health endpoint reports.</summary>
    public IReadOnlyList<string> AllQueues => [AgentRuns, AgentRunsPoison];

    /// <param name="prefix">Lowercase letters and digits, at most 20, starting with a letter; empty for none.</param>
    /// <param name="journalTable">The journal table's base name.</param>
    /// <exception cref="FormatException">The prefix is not usable in both table and queue names.</exception>
    public static StorageNames Create(string? prefix, string journalTable = Tables.Journal)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(journalTable);
        prefix ??= string.Empty;
        if (prefix.Length > 0 && !PrefixPattern().IsMatch(prefix))
        {
            throw new FormatException(
                $"{StorageSettings.PrefixSetting} '{prefix}' must be 1 to 20 lowercase letters and digits, starting with a letter.");
        }

        return new StorageNames(prefix, journalTable);
    }

    /// <summary>The deployment's name for a table (letters and digits).</summary>
    public string Table(string baseName) => Prefix + baseName;

    /// <summary>The deployment's name for a queue (lowercase letters, digits, hyphens).</summary>
    public string Queue(string baseName) => Prefix.Length == 0 ? baseName : Prefix + "-" + baseName;

    [GeneratedRegex("^[a-z][a-z0-9]{0,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();

    /// <summary>Every table the runtime writes, before any per-deployment prefix.</summary>
    public static class Tables
    {
        /// <summary>The journal (setting FA_JOURNAL_TABLE overrides it).</summary>
        public const string Journal = "AgentEvents";

        /// <summary>Runs by tenant: PartitionKey = tenant, RowKey = run id.</summary>
        public const string RunsByTenant = "AgentRunsByTenant";

        /// <summary>Runs by creation day: PartitionKey = yyyyMMdd (UTC), RowKey = run id.</summary>
        public const string RunsByDay = "AgentRunsByDay";

        /// <summary>Scheduled jobs' last and next occurrences (the timer trigger's schedule monitor).</summary>
        public const string Schedules = "AgentSchedules";

        /// <summary>The audit log of who read or exported which run.</summary>
        public const string Audit = "AgentAudit";

        /// <summary>Signed chain checkpoints per run.</summary>
        public const string ChainCheckpoints = "AgentChainCheckpoints";

        /// <summary>What the retention purge deleted, and when.</summary>
        public const string RetentionLog = "AgentRetentionLog";

        /// <summary>Evaluation reports.</summary>
        public const string EvaluationReports = "AgentEvaluations";

        /// <summary>Per-run evaluation scores.</summary>
        public const string EvaluationScores = "AgentEvaluationScores";

        /// <summary>The sample ticket tool's tickets.</summary>
        public const string Tickets = "Tickets";

        /// <summary>The sample email tool's outbox.</summary>
        public const string EmailOutbox = "EmailOutbox";
    }

    /// <summary>The queues both hosts use, before any per-deployment prefix.</summary>
    public static class Queues
    {
        /// <summary>External run requests (one JSON message per run), as the Functions queue trigger reads them.</summary>
        public const string AgentRuns = "agent-runs";

        /// <summary>Deliveries after which a message that keeps failing moves to its poison queue (the Functions default).</summary>
        public const int MaxDequeueCount = 5;

        /// <summary>The poison queue of <paramref name="queue"/>: <c>&lt;queue&gt;-poison</c>, as Azure Functions names it.</summary>
        public static string Poison(string queue)
        {
            ArgumentException.ThrowIfNullOrEmpty(queue);
            return queue + "-poison";
        }
    }
}
