namespace FunctionAgents.Domain.Runs;

/// <summary>One bad input field, named as the caller sent it (e.g. <c>budgetUsd</c>).</summary>
public sealed record FieldError(string Field, string Message);
