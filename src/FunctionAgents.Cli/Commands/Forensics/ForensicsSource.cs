using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Forensics;
using FunctionAgents.Azure.Privacy;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Cli.Storage;
using FunctionAgents.Domain.Storage;
using FunctionAgents.Runtime.Forensics.Audit;
using FunctionAgents.Runtime.Forensics.Retention;
using FunctionAgents.Runtime.Forensics.Verification;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Runtime.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Cli.Commands.Forensics;

/// <summary>
/// What the forensic verbs read: the deployment's storage (journal, index, audit table, checkpoints, purger), or an
/// exported journal file (its audit rebuilt in memory from the events; no checkpoints, nothing to purge).
/// </summary>
internal sealed class ForensicsSource : IAsyncDisposable
{
    private readonly IAsyncDisposable? _owner;

    private ForensicsSource(IRunIndex index, IEventJournal journal, IAuditLog audit, IChainCheckpointStore? checkpoints, Purger? purger, string description, IAsyncDisposable? owner, EvidenceExporter? evidence = null)
    {
        Evidence = evidence;
        Index = index;
        Journal = journal;
        Audit = audit;
        Checkpoints = checkpoints;
        Purger = purger;
        Description = description;
        _owner = owner;
    }

    public IRunIndex Index { get; }

    public IEventJournal Journal { get; }

    public IAuditLog Audit { get; }

    public IChainCheckpointStore? Checkpoints { get; }

    public Purger? Purger { get; }

    /// <summary>Writes a run's evidence file from storage; null for a journal file (it has no stored entities or checkpoints).</summary>
    public EvidenceExporter? Evidence { get; }

    public string Description { get; }

    public static async Task<ForensicsSource> OpenAsync(CliContext context, string? journalFile, string? storage, CancellationToken cancellationToken) =>
        journalFile is not null ? await FromFileAsync(context, journalFile, cancellationToken) : Connect(context, storage);

    /// <summary>Runs a storage call; a storage failure becomes one line naming where (exit 1).</summary>
    public async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (StorageException ex)
        {
            throw new CliException(ExitCodes.Failed, $"{Description} is unreachable or refused the request: {ex.Message}", ex);
        }
    }

    public ValueTask DisposeAsync() => _owner?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static async Task<ForensicsSource> FromFileAsync(CliContext context, string journalFile, CancellationToken cancellationToken)
    {
        var runs = await JournalFile.LoadAsync(context, journalFile, cancellationToken);
        var audit = new InMemoryAuditLog();
        if (PersonalData.AsStored(runs.Journal) is InMemoryEventJournal memory)
        {
            foreach (var runId in memory.RunIds())
            {
                var events = new List<Domain.Events.RunEvent>();
                await foreach (var e in runs.Journal.ReadAsync(runId, cancellationToken: cancellationToken))
                {
                    events.Add(e);
                }

                await audit.WriteAsync(AuditProjection.FromRun(events), cancellationToken);
            }
        }

        return new ForensicsSource(runs.Index, runs.Journal, audit, null, null, runs.Description, runs);
    }

    private static ForensicsSource Connect(CliContext context, string? storage)
    {
        RetentionPolicy retention;
        try
        {
            retention = RetentionSettings.FromSetting(context.GetSetting(RetentionSettings.MinimumRetentionDays));
        }
        catch (FormatException ex)
        {
            throw CliException.Usage(ex.Message, ex);
        }

        try
        {
            var settings = FunctionAgentsSettings.FromSettings(context.GetSetting);
            settings = storage is null ? settings : settings with { Storage = settings.Storage with { Connection = storage } };
            var provider = CliStorage.Services(context, settings, forensics: retention).BuildServiceProvider();
            return new ForensicsSource(
                provider.GetRequiredService<IRunIndex>(),
                provider.GetRequiredService<IEventJournal>(),
                provider.GetRequiredService<IAuditLog>(),
                provider.GetRequiredService<IChainCheckpointStore>(),
                provider.GetRequiredService<Purger>(),
                $"storage {provider.GetRequiredService<StorageClients>().TableEndpoint}",
                provider,
                provider.GetRequiredService<EvidenceExporter>());
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException)
        {
            throw CliException.Usage($"storage is not configured: {ex.Message}", ex);
        }
    }
}
