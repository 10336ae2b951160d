using System.Globalization;
using Azure.Data.Tables;

namespace FunctionAgents.Testing.Crash;

/// <summary>
/// The journal table read raw through Azure.Data.Tables (PartitionKey = RunId, RowKey = Seq as 10 digits), bypassing
/// every adapter of the host, so a test can watch a child host's appends and check what survived a kill.
/// </summary>
public sealed class JournalTable
{
    private static readonly string[] KeyOnly = ["RowKey"];
    private static readonly string[] Columns = ["RowKey", "EventType", "Payload"];

    private readonly TableClient _table;

    public JournalTable(string connectionString, string tableName) => _table = new TableClient(connectionString, tableName);

    /// <summary>The highest Seq stored for the run, 0 when it has none.</summary>
    public async Task<long> LastSeqAsync(string runId, CancellationToken cancellationToken)
    {
        var last = 0L;
        await foreach (var row in _table.QueryAsync<TableEntity>(Filter(runId), select: KeyOnly, cancellationToken: cancellationToken))
        {
            last = Math.Max(last, long.Parse(row.RowKey, CultureInfo.InvariantCulture));
        }

        return last;
    }

    /// <summary>Every row of the run, in RowKey (Seq) order.</summary>
    public async Task<IReadOnlyList<JournalRow>> ReadAsync(string runId, CancellationToken cancellationToken)
    {
        var rows = new List<JournalRow>();
        await foreach (var row in _table.QueryAsync<TableEntity>(Filter(runId), select: Columns, cancellationToken: cancellationToken))
        {
            rows.Add(new JournalRow(
                long.Parse(row.RowKey, CultureInfo.InvariantCulture), row.GetString("EventType") ?? string.Empty, row.GetString("Payload") ?? string.Empty));
        }

        return rows;
    }

    private static string Filter(string runId) => TableClient.CreateQueryFilter($"PartitionKey eq {runId}");
}
