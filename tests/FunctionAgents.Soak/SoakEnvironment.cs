using Azure.Data.Tables;
using FunctionAgents.Runtime.Journal;

namespace FunctionAgents.Soak;

/// <summary>
/// The one place that constructs storage adapters: the journal behind Core's <see cref="IEventJournal"/> (on the
/// same SDK clients the hosts use) and a raw Azure.Data.Tables client for tampering.
/// </summary>
internal sealed class SoakEnvironment
{
    public SoakEnvironment(string connectionString, string journalTable)
    {
        ConnectionString = connectionString;
        JournalTable = journalTable;
    }

    public string ConnectionString { get; }

    public string JournalTable { get; }

    /// <summary>Where run dumps and host logs go (<see cref="SoakDiagnostics"/>).</summary>
    public required SoakDiagnostics Diagnostics { get; init; }

    /// <summary>
    /// Starts the local host as a child process whose whole output is appended to <see cref="SoakDiagnostics.HostLog"/>
    /// of its prefix, so that a run found in an unexpected state can still be traced after the host is gone.
    /// </summary>
    public Task<FunctionAgents.Testing.LocalHostProcess> StartHostAsync(string prefix, IReadOnlyDictionary<string, string>? settings, CancellationToken cancellationToken) =>
        FunctionAgents.Testing.LocalHostProcess.StartAsync(ConnectionString, prefix, settings ?? new Dictionary<string, string>(), Diagnostics.HostLog(prefix), cancellationToken);

    /// <summary>Dumps a suspect run of the host with storage prefix <paramref name="prefix"/> (journal table <c>&lt;prefix&gt;AgentEvents</c>).</summary>
    public Task DumpRunAsync(string scenario, string prefix, string runId, string why, CancellationToken cancellationToken) =>
        Diagnostics.DumpRunAsync(scenario, runId, why, prefix + FunctionAgents.Azure.Storage.StorageNames.Tables.Journal, ConnectionString, Diagnostics.HostLog(prefix), cancellationToken);

    /// <summary>The <c>--scale</c> fraction of the full counts (1 unless a full run had to be shortened).</summary>
    public double Scale { get; init; } = 1;

    /// <summary><paramref name="full"/> times <see cref="Scale"/>, at least <paramref name="minimum"/>.</summary>
    public int Scaled(int full, int minimum = 1) => Math.Max(minimum, (int)Math.Round(full * Scale, MidpointRounding.AwayFromZero));

    /// <summary>A journal adapter over the suite's Azurite; the table must exist (see <see cref="PrepareAsync"/>).</summary>
    public IEventJournal CreateJournal() =>
        new FunctionAgents.Azure.Journal.TableEventJournal(
            new FunctionAgents.Azure.Storage.TableStorageClient(FunctionAgents.Azure.Storage.StorageClientFactory.FromConnectionString(ConnectionString).Tables),
            JournalTable);

    /// <summary>The journal table read and written raw, bypassing every adapter, as an attacker with the storage key would.</summary>
    public TableClient RawJournal() => new(ConnectionString, JournalTable);

    /// <summary>A queue of the child host with the given storage prefix, Base64 as Azure Functions writes messages.</summary>
    public global::Azure.Storage.Queues.QueueClient Queue(string prefix, string baseName) =>
        new(ConnectionString, prefix + "-" + baseName, new global::Azure.Storage.Queues.QueueClientOptions { MessageEncoding = global::Azure.Storage.Queues.QueueMessageEncoding.Base64 });

    /// <summary>The storage account's table service, to find a Durable task hub's Instances table when one exists.</summary>
    public TableServiceClient Tables() => new(ConnectionString);

    public async Task PrepareAsync(CancellationToken cancellationToken) =>
        await RawJournal().CreateIfNotExistsAsync(cancellationToken);
}
