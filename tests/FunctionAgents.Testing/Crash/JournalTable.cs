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
    private static readonly string[] Columns = ["RowKey", "EventType", "EventTime", "Payload"];

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
                long.Parse(row.RowKey, CultureInfo.InvariantCulture),
                row.GetString("EventType") ?? string.Empty,
                row.GetDateTimeOffset("EventTime") ?? DateTimeOffset.MinValue,
                row.GetString("Payload") ?? string.Empty));
        }

        return rows;
    }

    /// <summary>
    /// The run's step boundaries: the last Seq of each atomic append (consecutive events sealed at the same instant are
    /// one append, which no crash can split). A kill can only ever land on one of these.
    /// </summary>
    public static IReadOnlyList<long> Boundaries(IReadOnlyList<JournalRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Where((row, i) => i == rows.Count - 1 || rows[i + 1].OccurredAt != row.OccurredAt).Select(row => row.Seq).ToList();
    }

    private static string Filter(string runId) => TableClient.CreateQueryFilter($"PartitionKey eq {runId}");
}
