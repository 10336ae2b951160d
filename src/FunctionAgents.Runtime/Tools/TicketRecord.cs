namespace FunctionAgents.Runtime.Tools;

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
