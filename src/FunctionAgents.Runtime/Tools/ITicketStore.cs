namespace FunctionAgents.Runtime.Tools;

/// <summary>Durable ticket storage, idempotent on the dispatch id.</summary>
public interface ITicketStore
{
    /// <summary>
    /// Stores the ticket unless one with the same <see cref="TicketRecord.DispatchId"/> exists;
    /// returns the stored ticket (the existing one on a repeated dispatch, with nothing new written).
    /// </summary>
    Task<TicketRecord> CreateAsync(TicketRecord ticket, CancellationToken cancellationToken);
}

/// <summary>A support ticket created by the create_ticket tool.</summary>
public sealed record TicketRecord(
    string DispatchId,
    string TicketId,
    string TenantId,
    string RunId,
    string Title,
    string Body,
    string Priority,
    DateTimeOffset CreatedAt);
