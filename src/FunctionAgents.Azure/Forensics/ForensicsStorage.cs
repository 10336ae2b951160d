using FunctionAgents.Azure.Storage;

namespace FunctionAgents.Azure.Forensics;

/// <summary>Creates the forensic tables (audit, checkpoints, retention log) if they do not exist; idempotent.</summary>
public sealed class ForensicsStorage
{
    private readonly TableStorageClient _client;

    public ForensicsStorage(TableStorageClient client, ForensicsTables tables)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(tables);
        _client = client;
        Tables = tables;
    }

    public ForensicsTables Tables { get; }

    /// <summary>Creates the tables that do not exist yet; call at startup, next to the runtime's own table creation.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var table in Tables.Owned)
        {
            await _client.CreateTableIfNotExistsAsync(table, cancellationToken);
        }
    }
}
