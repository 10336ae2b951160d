namespace FunctionAgents.Domain.Events;

/// <summary>Who produced an event; stored in the journal's Actor column.</summary>
public static class Actors
{
    public const string Orchestrator = "orchestrator";
    public const string Planner = "planner";
    public const string PolicyGuard = "policy_guard";
    public const string ToolExecutor = "tool_executor";
    public const string Memory = "memory";
    public const string Human = "human";
    public const string Evaluator = "evaluator";
}
