namespace FunctionAgents.Domain.Forensics.Invariants;

/// <summary>One invariant's verdict on one run, as the evaluator and the CLI report it.</summary>
public sealed record InvariantOutcome(string Invariant, bool Holds, string? Violation);
