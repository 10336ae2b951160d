using System.Collections.Concurrent;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Runtime.Tests.Tools.Fakes;

/// <summary>Keeps tickets by dispatch id; a repeated dispatch returns the stored ticket, as the contract says.</summary>
internal sealed class InMemoryTicketStore : ITicketStore
{
    private readonly ConcurrentDictionary<string, TicketRecord> _tickets = new(StringComparer.Ordinal);

    public int Writes { get; private set; }

    public IReadOnlyCollection<TicketRecord> Tickets => [.. _tickets.Values];

    public Task<TicketRecord> CreateAsync(TicketRecord ticket, CancellationToken cancellationToken)
    {
        if (_tickets.TryAdd(ticket.DispatchId, ticket))
        {
            Writes++;
            return Task.FromResult(ticket);
        }

        return Task.FromResult(_tickets[ticket.DispatchId]);
    }
}
