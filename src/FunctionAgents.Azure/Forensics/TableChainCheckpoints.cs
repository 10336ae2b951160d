using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Domain.Storage;
using FunctionAgents.Runtime.Forensics.Signing;
using FunctionAgents.Runtime.Forensics.Verification;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Azure.Forensics;

/// <summary>
/// Chain checkpoints in their own table (PartitionKey = RunId, RowKey = Seq as 10 digits, columns TenantId, Hash,
/// OccurredAt, KeyId, Signature), signed: the anchors <see cref="ChainAudit"/> compares the journal with. Written as the
/// projection of an append that reaches a multiple of <see cref="Every"/> events or ends the run
/// (<c>FA_CHECKPOINT_EVERY</c>, docs/forensics.md): an unfinished run's last <see cref="Every"/> - 1 events at most are
/// not yet anchored; a finished run's last event always is.
/// </summary>
public sealed class TableChainCheckpoints : IChainCheckpointStore, IJournalProjection
{
    private readonly TableStorageClient _client;
    private readonly CheckpointSigningKey? _signer;

    /// <param name="signer">Signs every projected checkpoint; without one the store only reads (projecting an append throws: a checkpoint is never written unsigned silently).</param>
    /// <param name="every">Checkpoint an append that reaches a multiple of this many events (1: every append); a run's last append always.</param>
    public TableChainCheckpoints(TableStorageClient client, string tableName = ForensicsTables.CheckpointsTable, CheckpointSigningKey? signer = null, int every = 1)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        _client = client;
        TableName = tableName;
        _signer = signer;
        Every = every;
    }

    public string TableName { get; }

    /// <summary>The checkpoint interval in events (<see cref="CheckpointSigningSettings.Every"/>).</summary>
    public int Every { get; }

    /// <summary>
    /// Whether an append of <paramref name="appended"/> leaving the run in <paramref name="after"/> is checkpointed: it
    /// ends the run, or its Seqs reach a multiple of <paramref name="every"/>. A re-projected batch (crash repair) decides
    /// the same way, so the checkpoint a crash left unwritten is written then.
    /// </summary>
    public static bool IsDue(IReadOnlyList<RunEvent> appended, RunState after, int every)
    {
        ArgumentNullException.ThrowIfNull(appended);
        ArgumentNullException.ThrowIfNull(after);
        if (appended.Count == 0)
        {
            return false;
        }

        var first = appended[0].Seq;
        var last = appended[^1].Seq;
        return after.IsFinished || every == 1 || last / every > (first - 1) / every;
    }

    public Task CreateTableIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        _client.CreateTableIfNotExistsAsync(TableName, cancellationToken);

    /// <exception cref="InvalidOperationException">No signing key was given (a reader's store).</exception>
    public Task ProjectAsync(IReadOnlyList<RunEvent> appended, RunState after, CancellationToken cancellationToken = default) =>
        !IsDue(appended, after, Every) ? Task.CompletedTask : WriteAsync(
            (_signer ?? throw new InvalidOperationException($"No checkpoint signing key is configured ({CheckpointSigningSettings.Key} or {CheckpointSigningSettings.KeyFile}): refusing to write an unsigned checkpoint."))
                .Sign(ChainCheckpoint.ForAppend(appended)),
            cancellationToken);

    /// <summary>Upserts the checkpoint's row; the same checkpoint again leaves it as it was.</summary>
    public Task WriteAsync(ChainCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var row = new TableEntity(checkpoint.RunId, RowKey(checkpoint.Seq))
        {
            ["TenantId"] = checkpoint.TenantId,
            ["Hash"] = checkpoint.Hash,
            ["OccurredAt"] = checkpoint.OccurredAt.UtcDateTime,
            ["KeyId"] = checkpoint.KeyId,
            ["Signature"] = checkpoint.Signature,
        };
        return _client.UpsertEntityAsync(TableName, row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The run's checkpoints in Seq order; none when the table does not exist yet (a deployment that never projected them).</summary>
    public async IAsyncEnumerable<ChainCheckpoint> ReadAsync(string runId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        await using var rows = _client.QueryPartitionAsync(TableName, runId, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (await NextAsync(rows))
        {
            var row = rows.Current;
            if (!long.TryParse(row.RowKey, NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
            {
                throw new InvalidDataException($"Checkpoint row {runId}/{row.RowKey} in {TableName} is not a Seq.");
            }

            yield return new ChainCheckpoint(
                runId,
                row.GetString("TenantId") ?? string.Empty,
                seq,
                row.GetString("Hash") ?? string.Empty,
                new DateTimeOffset(DateTime.SpecifyKind(row.GetDateTime("OccurredAt") ?? default, DateTimeKind.Utc)),
                row.GetString("KeyId"),
                row.GetString("Signature"));
        }
    }

    private static async Task<bool> NextAsync(IAsyncEnumerator<TableEntity> rows)
    {
        try
        {
            return await rows.MoveNextAsync();
        }
        catch (StorageException ex) when (ex.Status == 404 && ex.ErrorCode == "TableNotFound")
        {
            return false;
        }
    }

    private static string RowKey(long seq) => seq.ToString("D10", CultureInfo.InvariantCulture);
}
