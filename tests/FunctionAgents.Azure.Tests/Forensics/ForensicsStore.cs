using Azure.Data.Tables;
using FunctionAgents.Azure.Forensics;
using FunctionAgents.Azure.Journal;
using FunctionAgents.Azure.Runs;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Runtime.Forensics.Signing;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Forensics;

/// <summary>One test's own set of tables (a fresh storage prefix): journal, run index and the forensic tables, all created.</summary>
internal sealed class ForensicsStore
{
    private ForensicsStore(TableStorageClient client, StorageNames names)
    {
        Client = client;
        Names = names;
        Tables = ForensicsTables.From(names);
        Journal = new TableEventJournal(client, names.Journal);
        Index = new TableRunIndex(client, names);
        Audit = new TableAuditLog(client, Tables.Audit);
        Checkpoints = new TableChainCheckpoints(client, Tables.Checkpoints, Signer);
        RetentionLog = new TableRetentionLog(client, Tables.RetentionLog);
    }

    /// <summary>The key this store's checkpoints are signed with (one fresh key per store).</summary>
    public CheckpointSigningKey Signer { get; } = CheckpointSigningKey.FromText("test key", CheckpointSigningKey.NewPem());

    public TableStorageClient Client { get; }

    public StorageNames Names { get; }

    public ForensicsTables Tables { get; }

    public TableEventJournal Journal { get; }

    public TableRunIndex Index { get; }

    public TableAuditLog Audit { get; }

    public TableChainCheckpoints Checkpoints { get; }

    public TableRetentionLog RetentionLog { get; }

    public static async Task<ForensicsStore> CreateAsync(AzuriteFixture azurite)
    {
        var client = azurite.CreateTableClient();
        var store = new ForensicsStore(client, StorageNames.Create("f" + Guid.NewGuid().ToString("N")[..12]));
        foreach (var table in (string[])[store.Names.Journal, store.Names.RunsByTenant, store.Names.RunsByDay, .. store.Tables.Owned])
        {
            await client.CreateTableIfNotExistsAsync(table);
        }

        return store;
    }

    /// <summary>A run writer whose appends feed the audit log and the checkpoints, like the engine's.</summary>
    public StoredRun NewRun(string tenantId, string correlationId, DateTimeOffset start) =>
        new(Journal, [Audit, Checkpoints], tenantId, correlationId, start);

    /// <summary>Writes a finished refund run and indexes it as the engine would.</summary>
    public async Task<StoredRun> RefundRunAsync(string tenantId, string correlationId, DateTimeOffset start, bool finish = true)
    {
        var run = await NewRun(tenantId, correlationId, start).WriteRefundAsync(finish);
        await Index.UpsertAsync(RunSummary.From(run.State));
        return run;
    }

    /// <summary>A trust set holding this store's public key (and any <paramref name="others"/>).</summary>
    public CheckpointTrustSet Trust(params CheckpointSigningKey[] others)
    {
        var trust = new CheckpointTrustSet();
        foreach (var key in (CheckpointSigningKey[])[Signer, .. others])
        {
            trust.Add(key.PublicKeyPem, "test");
        }

        return trust;
    }

    public async Task<List<TableEntity>> RowsAsync(string table, string? filter = null)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Client.QueryAsync(table, new TableQuery { Filter = filter }))
        {
            rows.Add(row);
        }

        return rows;
    }
}
