namespace FunctionAgents.Domain.Engine;

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
