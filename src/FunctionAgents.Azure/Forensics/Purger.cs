using System.Globalization;
using FunctionAgents.Azure.Runs;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Runtime.Forensics.Retention;
using FunctionAgents.Runtime.Projections;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Azure.Forensics;

/// <summary>
/// Removes whole runs older than a cutoff: journal partition, audit rows, checkpoints and index rows, through the
/// retention port (<see cref="IRunRetention"/>, here <see cref="TableRunRetention"/>). Every step refuses
/// a cutoff younger than the <see cref="RetentionPolicy"/> floor, with the reason. A purge is two calls: <see cref="PlanAsync"/>
/// lists what would go (for the operator to confirm), <see cref="PurgeAsync"/> removes it, logging each run in the
/// retention log before anything is deleted (status started) and after (completed), so an interrupted purge is visible
/// and the next one finishes it (the index rows go last, so the run is still listed).
/// </summary>
public sealed partial class Purger
{
    private readonly TableStorageClient _client;
    private readonly ForensicsTables _tables;
    private readonly IRunRetention _retention;
    private readonly IRetentionLog _log;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    public Purger(TableStorageClient client, ForensicsTables tables, IRetentionLog log, RetentionPolicy policy, TimeProvider clock, ILogger<Purger>? logger = null)
        : this(new TableRunRetention(client, tables), client, tables, log, policy, clock, logger)
    {
    }

    /// <param name="retention">The port every removal goes through.</param>
    /// <param name="client">Reads the run index by day to plan a purge.</param>
    public Purger(
        IRunRetention retention, TableStorageClient client, ForensicsTables tables, IRetentionLog log, RetentionPolicy policy, TimeProvider clock, ILogger<Purger>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(retention);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(clock);
        _client = client;
        _tables = tables;
        _retention = retention;
        _log = log;
        Policy = policy;
        _clock = clock;
        _logger = logger ?? NullLogger<Purger>.Instance;
    }

    public RetentionPolicy Policy { get; }

    /// <summary>What a purge of everything before <paramref name="cutoff"/> would remove (optionally one tenant's runs only). Deletes nothing.</summary>
    public async Task<PurgePlan> PlanAsync(DateTimeOffset cutoff, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        var decision = Policy.Check(cutoff, _clock.GetUtcNow());
        if (!decision.Allowed)
        {
            Log.Refused(_logger, cutoff, decision.Refusal!);
            return PurgePlan.Create(decision, []);
        }

        var lastDay = cutoff.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var filter = TableFilter.Create($"PartitionKey le {lastDay}") + " and " + $"{RunSummaryEntity.CreatedAt} lt {TableFilter.Literal(cutoff.UtcDateTime)}";
        if (tenantId is not null)
        {
            filter += " and " + TableFilter.Create($"TenantId eq {tenantId}");
        }

        var runs = new List<RunSummary>();
        await foreach (var row in _client.QueryAsync(_tables.RunsByDay, new TableQuery { Filter = filter }, cancellationToken))
        {
            runs.Add(RunSummaryEntity.Read(row));
        }

        return PurgePlan.Create(decision, runs);
    }

    /// <summary>
    /// Removes the runs of a confirmed <paramref name="plan"/>. The floor is checked again at the current time (a refused
    /// purge deletes nothing), and each run again against its own events: one with an event at or after the cutoff is skipped.
    /// </summary>
    public async Task<PurgeResult> PurgeAsync(
        PurgePlan plan, string purgedBy, string reason, IProgress<RetentionLogEntry>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrWhiteSpace(purgedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var decision = Policy.Check(plan.Cutoff, _clock.GetUtcNow());
        if (!decision.Allowed)
        {
            Log.Refused(_logger, plan.Cutoff, decision.Refusal!);
            return new PurgeResult(decision, [], plan.Skipped);
        }

        var purged = new List<RetentionLogEntry>();
        var skipped = plan.Skipped.ToList();
        foreach (var run in plan.Runs)
        {
            var (entry, skip) = await PurgeRunAsync(run, plan.Cutoff, purgedBy, reason, cancellationToken);
            if (entry is not null)
            {
                purged.Add(entry);
                progress?.Report(entry);
                Log.Purged(_logger, run.RunId, run.TenantId, entry.EventsRemoved, entry.RowsRemoved);
            }
            else
            {
                skipped.Add(skip!);
                Log.Skipped(_logger, run.RunId, skip!.Reason);
            }
        }

        return new PurgeResult(decision, purged, skipped);
    }
}
