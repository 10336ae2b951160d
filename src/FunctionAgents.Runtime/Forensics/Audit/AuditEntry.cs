using FunctionAgents.Domain.Forensics.Explaining;

namespace FunctionAgents.Runtime.Forensics.Audit;

/// <summary>One action of a run, with who did it and why: a row of the audit projection.</summary>
/// <param name="Action">The event type that recorded the action, e.g. <c>ToolExecuted</c> or <c>HumanApproved</c>.</param>
/// <param name="Tool">The tool the action concerns, if any.</param>
/// <param name="StepId">The plan step the action concerns, if any.</param>
/// <param name="Summary">The action in plain English (<see cref="EventExplainer"/>).</param>
public sealed record AuditEntry(
    string TenantId,
    string CorrelationId,
    string RunId,
    long Seq,
    DateTimeOffset OccurredAt,
    string Actor,
    string Action,
    string? Tool,
    string? StepId,
    string Summary,
    AuditJustification Justification);
