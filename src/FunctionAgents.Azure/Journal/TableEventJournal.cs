using System.Runtime.CompilerServices;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Journal;

namespace FunctionAgents.Azure.Journal;

/// <summary>
/// The journal in Azure Table Storage, one partition per run and one row per event (layout in the
/// README, "Journal format"; auditors read it directly). Appends are insert-only entity group
/// transactions, so concurrent writers and retried activities meet as 409s: the same events again are a
/// no-op, different ones a <see cref="JournalConflictException"/>. Call
/// <see cref="CreateTableIfNotExistsAsync"/> once at startup.
/// </summary>
public sealed partial class TableEventJournal : IEventJournal
{
    /// <summary>The table name used unless another is configured.</summary>
    public const string DefaultTableName = StorageNames.Tables.Journal;

    private readonly TableStorageClient _client;

    /// <param name="client">The Table client (its options decide retries).</param>
    /// <param name="tableName">The journal table; <see cref="DefaultTableName"/> unless configured.</param>
    public TableEventJournal(TableStorageClient client, string tableName = DefaultTableName)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        _client = client;
        TableName = tableName;
    }

    /// <summary>The table that holds the events.</summary>
    public string TableName { get; }

    /// <summary>Creates the journal table if it does not exist.</summary>
    public Task CreateTableIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        _client.CreateTableIfNotExistsAsync(TableName, cancellationToken);

    public async IAsyncEnumerable<RunEvent> ReadAsync(
        string runId, long fromSeq = 1, long toSeq = long.MaxValue, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var from = Math.Max(fromSeq, 1);
        var to = Math.Min(toSeq, JournalEntity.MaxSeq);
        if (from > to)
        {
            yield break;
        }

        // The whole run is the whole partition: a RowKey range on top would only make the service test every row twice.
        var whole = from == 1 && to == JournalEntity.MaxSeq;
        var rows = whole
            ? _client.QueryPartitionAsync(TableName, runId, cancellationToken: cancellationToken)
            : _client.QueryPartitionAsync(TableName, runId, JournalEntity.RowKey(from), JournalEntity.RowKey(to), cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            RunEvent e;
            try
            {
                e = JournalEntity.FromEntity(row);
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException)
            {
                throw new InvalidDataException($"The journal row {runId}:{row.RowKey} in table {TableName} is not a valid event: {ex.Message}", ex);
            }

            yield return e;
        }
    }

    /// <summary>
    /// Reads every row of the run's partition, in RowKey order, and recomputes the chain; a row that is not
    /// a readable event is reported as the break rather than thrown.
    /// </summary>
    public async Task<ChainVerification> VerifyChainAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var verifier = new ChainVerifier(runId);
        var rows = _client.QueryPartitionAsync(TableName, runId, cancellationToken: cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            RunEvent e;
            try
            {
                e = JournalEntity.FromEntity(row);
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException)
            {
                var expected = verifier.Checked + 1;
                return new ChainVerification(runId, verifier.Checked + 1, expected, $"row '{row.RowKey}' is not a readable event: {ex.Message}");
            }

            if (!verifier.Accept(e))
            {
                break;
            }
        }

        return verifier.Result();
    }
}
