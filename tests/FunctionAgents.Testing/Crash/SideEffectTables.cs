using Azure;
using Azure.Data.Tables;

namespace FunctionAgents.Testing.Crash;

/// <summary>
/// The sample tools' side-effect tables read raw: tickets (<c>create_ticket</c>) and the email outbox
/// (<c>send_email</c>), one row per dispatch (PartitionKey = DispatchId) with the run id in column RunId.
/// </summary>
public sealed class SideEffectTables
{
    private readonly TableClient _tickets;
    private readonly TableClient _emails;

    /// <param name="prefix">The host's FA_STORAGE_PREFIX (tables are named prefix + base name).</param>
    public SideEffectTables(string connectionString, string prefix)
    {
        _tickets = new TableClient(connectionString, prefix + "Tickets");
        _emails = new TableClient(connectionString, prefix + "EmailOutbox");
    }

    /// <summary>The dispatch ids of the run's tickets, one per stored row.</summary>
    public Task<IReadOnlyList<string>> TicketDispatchesAsync(string runId, CancellationToken cancellationToken) =>
        DispatchesAsync(_tickets, runId, cancellationToken);

    /// <summary>The dispatch ids of the run's queued emails, one per stored row.</summary>
    public Task<IReadOnlyList<string>> EmailDispatchesAsync(string runId, CancellationToken cancellationToken) =>
        DispatchesAsync(_emails, runId, cancellationToken);

    private static async Task<IReadOnlyList<string>> DispatchesAsync(TableClient table, string runId, CancellationToken cancellationToken)
    {
        var dispatches = new List<string>();
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RunId eq {runId}"), cancellationToken: cancellationToken))
            {
                dispatches.Add(row.PartitionKey);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The host creates the table at startup; a run that never reached a tool has nothing to count.
        }

        return dispatches;
    }
}
