namespace FunctionAgents.Domain.Planning;

/// <summary>One reason a plan is invalid, at a JSON path such as <c>$.steps[2].input.to</c>.</summary>
public sealed record PlanViolation(string Path, string Message);
