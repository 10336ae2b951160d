using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using FunctionAgents.Runtime.Privacy;

namespace FunctionAgents.Azure.Privacy;

/// <summary>
/// The erasure log in an Azure table: PartitionKey = tenant, RowKey = erasure time (ticks, so a tenant's rows are in
/// time order) and the subject reference. Insert-only.
/// </summary>
public sealed class TableErasureLog : IErasureLog
{
    private readonly TableClient _table;
    private readonly Lock _gate = new();
    private Task? _created;

    public TableErasureLog(TableClient table) => _table = table;

    public async Task AppendAsync(ErasureRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await EnsureAsync(cancellationToken);
        var rowKey = record.ErasedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "_" + record.SubjectRef;
        await _table.AddEntityAsync(
            new TableEntity(record.TenantId, rowKey)
            {
                ["SubjectRef"] = record.SubjectRef,
                ["ErasedAt"] = record.ErasedAt,
                ["By"] = record.By,
                ["RunIds"] = string.Join(',', record.RunIds),
                ["KeysDestroyed"] = record.KeysDestroyed,
            },
            cancellationToken);
    }

    public async Task<ErasureRecord?> FindAsync(string tenantId, string subjectRef, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and SubjectRef eq {subjectRef}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            return Read(e);
        }

        return null;
    }

    public async IAsyncEnumerable<ErasureRecord> ListAsync(
        string? tenantId, DateTimeOffset since, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await EnsureAsync(cancellationToken);
        var filter = tenantId is null
            ? TableClient.CreateQueryFilter($"ErasedAt ge {since} and ErasedAt le {until}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and ErasedAt ge {since} and ErasedAt le {until}");
        var records = new List<ErasureRecord>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            records.Add(Read(e));
        }

        foreach (var r in records.OrderBy(r => r.ErasedAt))
        {
            yield return r;
        }
    }

    private static ErasureRecord Read(TableEntity e) => new(
        e.PartitionKey,
        e.GetString("SubjectRef") ?? string.Empty,
        e.GetDateTimeOffset("ErasedAt") ?? DateTimeOffset.MinValue,
        e.GetString("By") ?? string.Empty,
        (e.GetString("RunIds") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries),
        e.GetInt32("KeysDestroyed") ?? 0);

    private Task EnsureAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _created = _created is { IsFaulted: false, IsCanceled: false } ? _created : _table.CreateIfNotExistsAsync(CancellationToken.None);
            return _created.WaitAsync(cancellationToken);
        }
    }
}
