using System.Text.Json;

namespace FunctionAgents.Domain.Planning;

/// <summary>One step of a plan: a single call of a registered tool.</summary>
public sealed record PlanStep(string Id, string Objective, string Tool, JsonElement Input, string SuccessCriteria);
