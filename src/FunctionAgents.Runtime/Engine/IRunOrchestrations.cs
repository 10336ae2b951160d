using FunctionAgents.Domain.Engine;

namespace FunctionAgents.Runtime.Engine;

/// <summary>
/// The Durable orchestrations of runs (instance id = RunId), as every host's engine exposes them: the local host's
/// DTFx task hub, the Functions app's Durable client, and the tests' in-memory test host.
/// </summary>
public interface IRunOrchestrations
{
    /// <summary>Schedules the run's orchestration unless an instance already exists (any status).</summary>
    /// <returns>True when this call scheduled it.</returns>
    Task<bool> ScheduleAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Raises <paramref name="eventName"/> (an approval or the cancel event) on the run's orchestration.</summary>
    Task RaiseAsync(string runId, string eventName, CancellationToken cancellationToken = default);

    /// <summary>The status of the run's orchestration instance, <see cref="RunOrchestrationStatus.None"/> when it has none.</summary>
    Task<RunOrchestrationStatus> GetStatusAsync(string runId, CancellationToken cancellationToken = default);
}
