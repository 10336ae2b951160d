using Azure.Data.Tables;
using FunctionAgents.Core.Journal;

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

    /// <summary>A journal adapter over the suite's Azurite; the table must exist (see <see cref="PrepareAsync"/>).</summary>
    public IEventJournal CreateJournal() =>
        new FunctionAgents.Azure.Journal.TableEventJournal(
            new FunctionAgents.Azure.Storage.TableStorageClient(FunctionAgents.Azure.Storage.StorageClientFactory.FromConnectionString(ConnectionString).Tables),
            JournalTable);

    /// <summary>The journal table read and written raw, bypassing every adapter, as an attacker with the storage key would.</summary>
    public TableClient RawJournal() => new(ConnectionString, JournalTable);

    public async Task PrepareAsync(CancellationToken cancellationToken) =>
        await RawJournal().CreateIfNotExistsAsync(cancellationToken);
}
