using System.Collections.Concurrent;
using FunctionAgents.Domain.Engine;
using FunctionAgents.Runtime.Engine;

namespace FunctionAgents.Runtime.Tests.Runs.Fakes;

/// <summary>Run orchestrations in memory for command logic: records what was scheduled and raised; a test sets an instance's status.</summary>
internal sealed class FakeOrchestrations : IRunOrchestrations
{
    private readonly ConcurrentDictionary<string, RunOrchestrationStatus> _instances = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Scheduled { get; } = new();

    public ConcurrentQueue<(string RunId, string EventName)> Raised { get; } = new();

    public Task<bool> ScheduleAsync(string runId, CancellationToken cancellationToken = default)
    {
        if (!_instances.TryAdd(runId, RunOrchestrationStatus.Running))
        {
            return Task.FromResult(false);
        }

        Scheduled.Enqueue(runId);
        return Task.FromResult(true);
    }

    public Task RaiseAsync(string runId, string eventName, CancellationToken cancellationToken = default)
    {
        Raised.Enqueue((runId, eventName));
        return Task.CompletedTask;
    }

    public Task<RunOrchestrationStatus> GetStatusAsync(string runId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_instances.TryGetValue(runId, out var status) ? status : RunOrchestrationStatus.None);

    /// <summary>Sets (or removes, with <see cref="RunOrchestrationStatus.None"/>) the run's instance.</summary>
    public void Set(string runId, RunOrchestrationStatus status)
    {
        if (status == RunOrchestrationStatus.None)
        {
            _instances.TryRemove(runId, out _);
            return;
        }

        _instances[runId] = status;
    }
}
