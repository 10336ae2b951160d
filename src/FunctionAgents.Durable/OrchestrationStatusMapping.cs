using FunctionAgents.Domain.Engine;
using Microsoft.DurableTask.Client;

namespace FunctionAgents.Durable;

/// <summary>The one mapping from a Durable instance's status to a run's orchestration status, for every backend.</summary>
public static class OrchestrationStatusMapping
{
    public static RunOrchestrationStatus ToRunStatus(this OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Pending => RunOrchestrationStatus.Pending,
#pragma warning disable CS0618 // ContinuedAsNew is obsolete; a backend may still report it, and the instance lives on.
        OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.ContinuedAsNew => RunOrchestrationStatus.Running,
#pragma warning restore CS0618
        OrchestrationRuntimeStatus.Suspended => RunOrchestrationStatus.Suspended,
        OrchestrationRuntimeStatus.Completed => RunOrchestrationStatus.Completed,
        OrchestrationRuntimeStatus.Failed => RunOrchestrationStatus.Failed,

        // Terminated, and the obsolete Canceled that no backend reports: the instance is over, so the sweeper may
        // schedule the run again rather than wait on an instance that will never step.
        _ => RunOrchestrationStatus.Terminated,
    };
}
