namespace FunctionAgents.Runtime.Tools;

/// <summary>The outbox send_email writes to. Delivery is a separate concern; nothing leaves the machine here.</summary>
public interface IEmailOutbox
{
    /// <summary>
    /// Queues the email unless one with the same <see cref="OutboxEmail.DispatchId"/> exists;
    /// returns the stored entry (the existing one on a repeated dispatch, with nothing new written).
    /// </summary>
    Task<OutboxEmail> EnqueueAsync(OutboxEmail email, CancellationToken cancellationToken);
}

/// <summary>An email waiting in the outbox.</summary>
public sealed record OutboxEmail(
    string DispatchId,
    string MessageId,
    string TenantId,
    string RunId,
    string To,
    string Subject,
    string Body,
    DateTimeOffset QueuedAt);
