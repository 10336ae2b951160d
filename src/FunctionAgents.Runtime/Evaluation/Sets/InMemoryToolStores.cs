using System.Collections.Concurrent;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Runtime.Evaluation.Sets;

/// <summary>
/// The ticket store and outbox of evaluation runs: tickets and mails are recorded in memory, so a case exercises the
/// real create_ticket and send_email tools without opening a ticket or mailing anyone.
/// </summary>
public sealed class InMemoryToolStores : ITicketStore, IEmailOutbox
{
    private readonly ConcurrentQueue<TicketRecord> _tickets = new();
    private readonly ConcurrentQueue<OutboxEmail> _emails = new();

    public IReadOnlyCollection<TicketRecord> Tickets => _tickets;

    public IReadOnlyCollection<OutboxEmail> Emails => _emails;

    public Task<TicketRecord> CreateAsync(TicketRecord ticket, CancellationToken cancellationToken)
    {
        _tickets.Enqueue(ticket);
        return Task.FromResult(ticket);
    }

    public Task<OutboxEmail> EnqueueAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        _emails.Enqueue(email);
        return Task.FromResult(email);
    }
}
