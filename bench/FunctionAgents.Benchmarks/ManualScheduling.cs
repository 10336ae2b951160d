using FunctionAgents.Domain.Engine;
using FunctionAgents.Runtime.Engine;

namespace FunctionAgents.Benchmarks;

/// <summary>
/// The run orchestrations as the Durable benchmark needs them: starting a run (RunStarted and the run index) must not
/// schedule its orchestration, because the benchmark times the start and the schedule apart and schedules each run on
/// its own counting hub when the measure calls for it (the wake-up measure idles between the two). Waking a run and
/// reading its status go to that hub once it exists.
/// </summary>
internal sealed class ManualScheduling : IRunOrchestrations
{
    private IRunOrchestrations? _hub;

    /// <summary>The hub raise and status calls go to; set once the benchmark has built it.</summary>
    public IRunOrchestrations Hub
    {
        set => _hub = value;
    }

    /// <summary>Schedules nothing; the benchmark calls the hub itself.</summary>
    public Task<bool> ScheduleAsync(string runId, CancellationToken cancellationToken = default) => Task.FromResult(true);

    public Task RaiseAsync(string runId, string eventName, CancellationToken cancellationToken = default) =>
        Started.RaiseAsync(runId, eventName, cancellationToken);

    public Task<RunOrchestrationStatus> GetStatusAsync(string runId, CancellationToken cancellationToken = default) =>
        Started.GetStatusAsync(runId, cancellationToken);

    private IRunOrchestrations Started => _hub ?? throw new InvalidOperationException("The benchmark's task hub is not built yet.");
}
