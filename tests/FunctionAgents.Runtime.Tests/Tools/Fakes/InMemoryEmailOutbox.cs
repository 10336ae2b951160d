using System.Collections.Concurrent;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Runtime.Tests.Tools.Fakes;

/// <summary>Keeps queued emails by dispatch id; a repeated dispatch returns the stored email, as the contract says.</summary>
internal sealed class InMemoryEmailOutbox : IEmailOutbox
{
    private readonly ConcurrentDictionary<string, OutboxEmail> _emails = new(StringComparer.Ordinal);

    public int Writes { get; private set; }

    public IReadOnlyCollection<OutboxEmail> Emails => [.. _emails.Values];

    public Task<OutboxEmail> EnqueueAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        if (_emails.TryAdd(email.DispatchId, email))
        {
            Writes++;
            return Task.FromResult(email);
        }

        return Task.FromResult(_emails[email.DispatchId]);
    }
}
