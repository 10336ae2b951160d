namespace FunctionAgents.Domain.Runs;

/// <summary>The stable reason codes a RunFailed event carries.</summary>
public static class FailureCodes
{
    public const string PlanRejected = "plan_rejected";
    public const string PlannerFailed = "planner_failed";
    public const string BudgetExceeded = "budget_exceeded";
    public const string DeadlineExceeded = "deadline_exceeded";
    public const string ResponseFailed = "response_failed";
    public const string EngineError = "engine_error";

    /// <summary>The run's Durable orchestration failed, was terminated or completed while the run was unfinished (the sweeper ends it).</summary>
    public const string OrchestrationEnded = "orchestration_ended";
    public const string ModelAuth = "model_auth";
    public const string ModelUnavailable = "model_unavailable";
    public const string ModelTimeout = "model_timeout";
    public const string ModelRejected = "model_rejected";
}
