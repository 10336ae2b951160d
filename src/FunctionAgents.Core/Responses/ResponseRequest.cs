using FunctionAgents.Core.Planning;

namespace FunctionAgents.Core.Responses;

/// <summary>The goal, the plan and what happened to each step.</summary>
public sealed record ResponseRequest(string RunId, string Goal, AgentPlan? Plan, IReadOnlyList<StepOutcome> Steps);
