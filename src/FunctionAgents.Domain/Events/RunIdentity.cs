namespace FunctionAgents.Domain.Events;

/// <summary>The envelope values every event of one run shares.</summary>
public sealed record RunIdentity(string RunId, string TenantId, string CorrelationId, string TraceParent);
