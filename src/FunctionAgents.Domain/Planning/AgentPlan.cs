using System.Text.Json;

namespace FunctionAgents.Domain.Planning;

/// <summary>
/// The plan contract between the planner and the runtime. A plan is executed only after
/// validation against the tool registry; its JSON schema is generated from this definition.
/// </summary>
public sealed record AgentPlan(
    string RunId,
    string Goal,
    int MaxSteps,
    decimal BudgetUsd,
    IReadOnlyList<PlanStep> Steps,
    IReadOnlyList<string> StopConditions);

/// <summary>One step of a plan: a single call of a registered tool.</summary>
public sealed record PlanStep(string Id, string Objective, string Tool, JsonElement Input, string SuccessCriteria);
