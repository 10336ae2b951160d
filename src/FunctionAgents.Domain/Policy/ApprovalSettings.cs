namespace FunctionAgents.Domain.Policy;

/// <summary>How long a human has to decide, and what happens when nobody does.</summary>
public sealed record ApprovalSettings(TimeSpan Timeout, PolicyAction OnTimeout);
