namespace FunctionAgents.Domain.Schema;

/// <summary>One way a JSON value fails its schema, at a JSON path such as <c>$.steps[2].input.to</c>.</summary>
/// <param name="Path">Where the problem is; for a missing required property, the path the property would have.</param>
/// <param name="Message">What is wrong, in words a planner prompt or an operator can act on.</param>
public sealed record SchemaViolation(string Path, string Message);
