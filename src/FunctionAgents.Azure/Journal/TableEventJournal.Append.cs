using System.Text.Json;
using Azure.Data.Tables;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Storage;
using FunctionAgents.Runtime.Journal;

namespace FunctionAgents.Azure.Journal;

public sealed partial class TableEventJournal
{
    // Multipart framing per action (boundary, sub-request line and headers) and type annotations on top of the entity JSON.
    private const int TransactionOverheadPerAction = 768;

    /// <summary>
    /// Appends the events as one entity group transaction (a single event as one insert): all or nothing.
    /// Throws <see cref="ArgumentException"/> for more than 100 events, Seqs that do not run
    /// <paramref name="expectedNextSeq"/>, +1, …, an event over the 1 MiB entity limit or a batch over
    /// 4 MiB (naming run, Seq and size; nothing is cut). A gap before <paramref name="expectedNextSeq"/> is
    /// not checked here (that would cost a read per append); <see cref="VerifyChainAsync"/> reports it.
    /// </summary>
    public async Task AppendAsync(string runId, long expectedNextSeq, IReadOnlyList<RunEvent> events, CancellationToken cancellationToken = default)
    {
        AppendValidation.Check(runId, expectedNextSeq, events);
        var entities = ToEntities(runId, events);
        try
        {
            if (entities.Count == 1)
            {
                await _client.InsertEntityAsync(TableName, entities[0], cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var actions = entities.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)).ToList();
                await _client.SubmitTransactionAsync(TableName, actions, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (StorageConflictException ex) when (ex.ErrorCode == "EntityAlreadyExists")
        {
            await ResolveConflictAsync(runId, expectedNextSeq, events, ex, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A Seq of the batch is taken. If every event of the batch is already stored with the same Hash, this
    /// was a retry of a write that landed: success. Otherwise another writer won.
    /// </summary>
    private async Task ResolveConflictAsync(string runId, long expectedNextSeq, IReadOnlyList<RunEvent> events, StorageException conflict, CancellationToken cancellationToken)
    {
        var lastSeq = expectedNextSeq + events.Count - 1;
        var stored = new Dictionary<long, string>();
        await foreach (var row in _client.QueryPartitionAsync(TableName, runId, JournalEntity.RowKey(expectedNextSeq), JournalEntity.RowKey(lastSeq), cancellationToken).ConfigureAwait(false))
        {
            stored[long.Parse(row.RowKey, System.Globalization.CultureInfo.InvariantCulture)] = row.GetString("Hash") ?? string.Empty;
        }

        foreach (var e in events)
        {
            if (!stored.TryGetValue(e.Seq, out var hash) || !string.Equals(hash, e.Hash, StringComparison.Ordinal))
            {
                throw new JournalConflictException(runId, e.Seq, conflict);
            }
        }
    }

    private static List<TableEntity> ToEntities(string runId, IReadOnlyList<RunEvent> events)
    {
        var entities = new List<TableEntity>(events.Count);
        long entityBytes = 0;
        foreach (var e in events)
        {
            var entity = JournalEntity.ToEntity(e);
            var size = TableEntitySize.Compute(entity);
            if (size > TableEntitySize.MaxEntityBytes)
            {
                throw new ArgumentException(
                    $"Event {runId}:{e.Seq} ({e.Type}) is {size:N0} bytes as a table entity (payload {e.Payload.Length:N0} characters); " +
                    $"the limit is {TableEntitySize.MaxEntityBytes:N0} bytes (1 MiB). Nothing was appended.",
                    nameof(events));
            }

            entityBytes += size;
            entities.Add(entity);
        }

        // JSON text is at most 3 bytes per UTF-16 byte (a 2-byte char escaped as \uXXXX is 6), so only a
        // batch near the limit pays for serializing it once more to learn its size as the SDK will send it
        // (System.Text.Json's default escaping, as the SDK's writer uses).
        if (events.Count > 1 && (entityBytes * 3) + (events.Count * TransactionOverheadPerAction) > TableStorageClient.MaxTransactionBytes)
        {
            var bodyBytes = entities.Sum(e => (long)JsonSerializer.SerializeToUtf8Bytes<IDictionary<string, object>>(e).Length + TransactionOverheadPerAction);
            if (bodyBytes > TableStorageClient.MaxTransactionBytes)
            {
                throw new ArgumentException(
                    $"The append of run {runId}, Seq {events[0].Seq} to {events[^1].Seq}, is {bodyBytes:N0} bytes; one transaction carries at most " +
                    $"{TableStorageClient.MaxTransactionBytes:N0} bytes (4 MiB). Append fewer events at a time. Nothing was appended.",
                    nameof(events));
            }
        }

        return entities;
    }
}
