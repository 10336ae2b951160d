using DurableTask.Core;
using FunctionAgents.Domain.Engine;
using FunctionAgents.Runtime.Engine;

namespace FunctionAgents.Durable.AzureStorage;

/// <summary><see cref="IRunOrchestrations"/> over the local host's <see cref="LocalTaskHub"/> (DTFx + Azure Storage).</summary>
public sealed class LocalRunOrchestrations(LocalTaskHub hub) : IRunOrchestrations
{
    /// <inheritdoc />
    public Task<bool> ScheduleAsync(string runId, CancellationToken cancellationToken = default) => hub.ScheduleAsync(runId);

    /// <inheritdoc />
    public Task RaiseAsync(string runId, string eventName, CancellationToken cancellationToken = default) => hub.RaiseAsync(runId, eventName);

    /// <inheritdoc />
    public async Task<RunOrchestrationStatus> GetStatusAsync(string runId, CancellationToken cancellationToken = default) =>
        await hub.GetStatusAsync(runId) is { } state ? Map(state.OrchestrationStatus) : RunOrchestrationStatus.None;

    private static RunOrchestrationStatus Map(OrchestrationStatus status) => status switch
    {
        OrchestrationStatus.Pending => RunOrchestrationStatus.Pending,
        OrchestrationStatus.Running or OrchestrationStatus.ContinuedAsNew => RunOrchestrationStatus.Running,
        OrchestrationStatus.Suspended => RunOrchestrationStatus.Suspended,
        OrchestrationStatus.Completed => RunOrchestrationStatus.Completed,
        OrchestrationStatus.Failed => RunOrchestrationStatus.Failed,
        _ => RunOrchestrationStatus.Terminated,
    };
}
