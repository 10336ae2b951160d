namespace FunctionAgents.Domain.Policy;

/// <summary>One problem found while loading a policy file, at a 1-based line and column.</summary>
public sealed record PolicyLoadError(int Line, int Column, string Message);
