using FunctionAgents.Azure.Storage;


namespace FunctionAgents.Azure.Forensics;

/// <summary>The deployed names of the tables forensics reads and writes: the run tables it purges and its own three.</summary>
/// <param name="Audit">Audit rows by tenant and correlation id and by tenant and day.</param>
/// <param name="Checkpoints">Chain checkpoints: PartitionKey = RunId, RowKey = Seq of each append's last event.</param>
/// <param name="RetentionLog">One row per purged run: PartitionKey = tenant, RowKey = RunId.</param>
public sealed record ForensicsTables(string Journal, string RunsByTenant, string RunsByDay, string Audit, string Checkpoints, string RetentionLog)
{
    public const string AuditTable = StorageNames.Tables.Audit;

    public const string CheckpointsTable = StorageNames.Tables.ChainCheckpoints;

    public const string RetentionLogTable = StorageNames.Tables.RetentionLog;

    /// <summary>The names of one deployment (its prefix applied).</summary>
    public static ForensicsTables From(StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return new ForensicsTables(
            names.Journal, names.RunsByTenant, names.RunsByDay, names.Table(AuditTable), names.Table(CheckpointsTable), names.Table(RetentionLogTable));
    }

    /// <summary>The tables forensics creates (the run tables are created by the runtime's storage setup).</summary>
    public IReadOnlyList<string> Owned => [Audit, Checkpoints, RetentionLog];
}
