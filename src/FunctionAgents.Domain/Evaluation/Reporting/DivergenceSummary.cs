namespace FunctionAgents.Domain.Evaluation.Reporting;

/// <summary>A run whose replay did not reproduce its recording, and where.</summary>
public sealed record DivergenceSummary(string RunId, string TenantId, long Seq, string Difference);
