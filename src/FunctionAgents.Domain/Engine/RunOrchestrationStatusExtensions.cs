namespace FunctionAgents.Domain.Engine;

/// <summary>Questions about a <see cref="RunOrchestrationStatus"/>.</summary>
public static class RunOrchestrationStatusExtensions
{
    /// <summary>The instance exists and has not ended: it can still receive an event.</summary>
    public static bool IsActive(this RunOrchestrationStatus status) =>
        status is RunOrchestrationStatus.Pending or RunOrchestrationStatus.Running or RunOrchestrationStatus.Suspended;

    /// <summary>The instance ended (completed, failed or terminated): an event raised now is never delivered.</summary>
    public static bool HasEnded(this RunOrchestrationStatus status) =>
        status is RunOrchestrationStatus.Completed or RunOrchestrationStatus.Failed or RunOrchestrationStatus.Terminated;
}

/// <summary>The runtime status of a run's orchestration instance, the same in every Durable backend.</summary>
public enum RunOrchestrationStatus
{
    /// <summary>The run has no instance (never scheduled, or purged).</summary>
    None,
    Pending,
    Running,
    Suspended,
    Completed,
    Failed,
    Terminated,
}
