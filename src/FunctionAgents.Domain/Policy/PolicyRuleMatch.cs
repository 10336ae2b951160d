namespace FunctionAgents.Domain.Policy;

/// <summary>A rule that matched a tool call, with its action and reason.</summary>
public sealed record PolicyRuleMatch(string Name, PolicyAction Action, string Reason);
