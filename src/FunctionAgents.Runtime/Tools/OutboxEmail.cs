namespace FunctionAgents.Runtime.Tools;

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
