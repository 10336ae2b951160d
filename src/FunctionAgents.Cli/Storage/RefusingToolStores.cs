using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Cli.Storage;

/// <summary>
/// The ticket store and outbox behind the tool registry <c>fa</c> validates plans against. Replay never executes a
/// tool, so any call here is a bug, refused loudly rather than performed.
/// </summary>
internal sealed class RefusingToolStores : ITicketStore, IEmailOutbox
{
    public Task<TicketRecord> CreateAsync(TicketRecord ticket, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("fa never creates tickets: replay does not execute tools.");

    public Task<OutboxEmail> EnqueueAsync(OutboxEmail email, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("fa never sends email: replay does not execute tools.");
}
