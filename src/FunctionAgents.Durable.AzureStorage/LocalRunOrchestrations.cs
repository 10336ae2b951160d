using DurableTask.Core;
using FunctionAgents.Domain.Engine;
using FunctionAgents.Runtime.Engine;
using Microsoft.DurableTask.Client;

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
        await hub.GetStatusAsync(runId) is { } state ? ToRuntimeStatus(state.OrchestrationStatus).ToRunStatus() : RunOrchestrationStatus.None;

    /// <summary>DTFx's status as the portable SDK names it (the SDK's enum mirrors DTFx's member for member).</summary>
    private static OrchestrationRuntimeStatus ToRuntimeStatus(OrchestrationStatus status) =>
        Enum.Parse<OrchestrationRuntimeStatus>(status.ToString());
}
