using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using FunctionAgents.Domain.Privacy;
using FunctionAgents.Runtime.Privacy;

namespace FunctionAgents.Azure.Privacy;

public sealed partial class TableDataKeyStore
{
    /// <summary>A table transaction holds at most this many operations.</summary>
    private const int MaxTransactionSize = 100;

    // RowKeys are "{subjectRef}|{runId}": '}' is the character after '|', so [ref|, ref}) is exactly one subject's links.
    private const char LinkSeparator = '|';
    private const char AfterLinkSeparator = '}';

    public Task LinkAsync(string tenantId, string runId, string keyId, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjectIds);
        return subjectIds.Count == 0 ? Task.CompletedTask : GuardAsync(async () =>
        {
            await EnsureTableAsync(cancellationToken);

            foreach (var chunk in LinkActions(tenantId, runId, keyId, subjectIds).Chunk(MaxTransactionSize))
            {
                await _table.SubmitTransactionAsync(chunk, cancellationToken);
            }

            return true;
        });
    }

    /// <summary>
    /// One partition per tenant, so all links of a batch (and the run's key, at its first batch) go in one transaction:
    /// one request, all or nothing.
    /// </summary>
    private static List<TableTransactionAction> LinkActions(string tenantId, string runId, string keyId, IEnumerable<string> subjectIds)
    {
        var partition = LinksPartition(tenantId);
        return subjectIds
            .Select(subject => SubjectIds.Reference(tenantId, subject))
            .Distinct(StringComparer.Ordinal)
            .Select(subjectRef => new TableTransactionAction(
                TableTransactionActionType.UpsertMerge,
                new TableEntity(partition, subjectRef + LinkSeparator + runId) { ["RunId"] = runId, ["KeyId"] = keyId }))
            .ToList();
    }

    public Task<IReadOnlyList<string>?> FindRunsAsync(string tenantId, string subjectId, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            await EnsureTableAsync(cancellationToken);
            var found = await FindSubjectAsync(tenantId, subjectId, cancellationToken);
            return found.Known ? found.Runs : (IReadOnlyList<string>?)null;
        });

    public Task<KeyDestruction?> DestroyAsync(string tenantId, string subjectId, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            await EnsureTableAsync(cancellationToken);
            var subjectRef = SubjectIds.Reference(tenantId, subjectId);
            var found = await FindSubjectAsync(tenantId, subjectId, cancellationToken);
            if (!found.Known)
            {
                return null;
            }

            var destroyed = 0;
            if (found.RunKey is { } runKey)
            {
                if (runKey.GetBinary("Wrapped") is not null)
                {
                    await ShredAsync(runKey, tenantId, subjectRef, cancellationToken);
                    destroyed++;
                }

                found.LinkedKeys.Remove(runKey.RowKey);
            }

            if (found.SubjectKeyId is { } keyId)
            {
                if (await FindKeyRowAsync(tenantId, keyId, cancellationToken) is { } subjectKey)
                {
                    await ShredAsync(subjectKey, tenantId, subjectRef, cancellationToken);
                    destroyed++;
                }

                await _table.DeleteEntityAsync(SubjectPartition, subjectRef, ETag.All, cancellationToken);
                found.LinkedKeys.Remove(keyId);
            }

            // The keys of the runs the subject was found in during the run (a tool's output, an email's recipient): a run
            // touching two people is erased for either. A key that was another subject's live key (older layouts) is
            // retired for it too, so that subject's next run gets a new key instead of a destroyed one.
            foreach (var linked in found.LinkedKeys)
            {
                var row = await FindKeyRowAsync(tenantId, linked, cancellationToken);
                if (row?.GetBinary("Wrapped") is null)
                {
                    continue;
                }

                var owner = row.GetString("SubjectRef") ?? string.Empty;
                await ShredAsync(row, row.GetString("TenantId") ?? tenantId, owner, cancellationToken);
                destroyed++;
                if (RunKeyIds.IsRunKey(linked))
                {
                    continue; // a run's own key: no subject row points to it
                }

                var ownerRow = await _table.GetEntityIfExistsAsync<TableEntity>(SubjectPartition, owner, cancellationToken: cancellationToken);
                if (ownerRow.HasValue && ownerRow.Value!.GetString("KeyId") == linked)
                {
                    await _table.DeleteEntityAsync(SubjectPartition, owner, ownerRow.Value.ETag, cancellationToken);
                }
            }

            return new KeyDestruction(destroyed, found.Runs);
        });

    /// <summary>Everything the store holds about a subject, in the current layout and in the older ones.</summary>
    private async Task<SubjectRows> FindSubjectAsync(string tenantId, string subjectId, CancellationToken cancellationToken)
    {
        var subjectRef = SubjectIds.Reference(tenantId, subjectId);
        var runs = new List<string>();
        var seenRuns = new HashSet<string>(StringComparer.Ordinal);
        var linkedKeys = new HashSet<string>(StringComparer.Ordinal);
        void AddRun(string runId)
        {
            if (seenRuns.Add(runId))
            {
                runs.Add(runId);
            }
        }

        var links = TableClient.CreateQueryFilter(
            $"PartitionKey eq {LinksPartition(tenantId)} and RowKey ge {subjectRef + LinkSeparator} and RowKey lt {subjectRef + AfterLinkSeparator}");
        await foreach (var link in _table.QueryAsync<TableEntity>(links, select: ["RunId", "KeyId"], cancellationToken: cancellationToken))
        {
            AddRun(link.GetString("RunId") ?? link.RowKey[(subjectRef.Length + 1)..]);
            if (link.GetString("KeyId") is { } keyId)
            {
                linkedKeys.Add(keyId);
            }
        }

        var legacy = TableClient.CreateQueryFilter($"PartitionKey eq {RunsPartition(subjectRef)}");
        await foreach (var run in _table.QueryAsync<TableEntity>(legacy, select: ["RowKey", "KeyId", "Linked"], cancellationToken: cancellationToken))
        {
            AddRun(run.RowKey);
            if (run.GetBoolean("Linked") == true && run.GetString("KeyId") is { } linked)
            {
                linkedKeys.Add(linked);
            }
        }

        TableEntity? runKey = null;
        if (RunKeyIds.IsRunSubject(subjectId))
        {
            runKey = await FindKeyRowAsync(tenantId, RunKeyIds.OfSubjectRef(subjectRef), cancellationToken);
            if (runKey?.GetString("RunId") is { } ownRun)
            {
                AddRun(ownRun);
            }
        }

        var subject = await _table.GetEntityIfExistsAsync<TableEntity>(SubjectPartition, subjectRef, cancellationToken: cancellationToken);
        var subjectKeyId = subject.HasValue ? subject.Value!.GetString("KeyId") : null;
        return new SubjectRows(runs, linkedKeys, runKey, subjectKeyId, runs.Count > 0 || runKey is not null || subjectKeyId is not null);
    }

    /// <summary>The partition of a tenant's links: a hash, so the partition key names no tenant and needs no escaping.</summary>
    private static string LinksPartition(string tenantId) =>
        "links_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("tenant\n" + tenantId)))[..32];

    private sealed record SubjectRows(List<string> Runs, HashSet<string> LinkedKeys, TableEntity? RunKey, string? SubjectKeyId, bool Known);
}
