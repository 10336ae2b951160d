using FunctionAgents.Domain.Engine;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Durable;
using FunctionAgents.Runtime.Engine;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Runs;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask;

namespace FunctionAgents.Testing.Durable;

/// <summary>
/// The shared run orchestrator and activities on a real Durable Task engine in memory (DurableTaskTestHost: real
/// dispatchers, timers and replay), as an <see cref="IRunOrchestrations"/> the tests' <see cref="RunCommands"/> use.
/// Starts on first use. Runs on real time: the orchestration's clock is the engine's.
/// </summary>
public sealed class InMemoryDurableEngine : IRunOrchestrations, IAsyncDisposable
{
    /// <summary>Three attempts, 200 ms apart: retries without slowing tests down.</summary>
    public static readonly RetryPolicy FastRetry = new(3, TimeSpan.FromMilliseconds(200), 1.0, TimeSpan.FromSeconds(1));

    private readonly StepRunner _runner;
    private readonly Func<ITaskOrchestrator> _orchestrator;
    private readonly Func<string, ITaskActivity, ITaskActivity>? _activity;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ClientRunOrchestrations _orchestrations;
    private DurableTaskTestHost? _host;

    /// <param name="orchestrator">The orchestrator factory (default: <see cref="AgentRunOrchestration"/> with <see cref="FastRetry"/>).</param>
    /// <param name="activity">Optional decorator of a step activity (fault injection).</param>
    public InMemoryDurableEngine(StepRunner runner, Func<ITaskOrchestrator>? orchestrator = null, Func<string, ITaskActivity, ITaskActivity>? activity = null)
    {
        _runner = runner;
        _orchestrator = orchestrator ?? (() => new AgentRunOrchestration(FastRetry));
        _activity = activity;
        _orchestrations = new ClientRunOrchestrations(() => Client);
    }

    /// <summary>The engine's client (after <see cref="StartAsync"/>).</summary>
    public DurableTaskClient Client => _host?.Client ?? throw new InvalidOperationException("The engine has not started.");

    /// <summary>Starts the in-memory engine (idempotent).</summary>
    public async Task StartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            for (var attempt = 1; _host is null; attempt++)
            {
                try
                {
                    _host = await DurableTaskTestHost.StartAsync(registry => registry.AddRunTasks(_runner, _orchestrator, _activity));
                }
                catch (IOException) when (attempt < 5)
                {
                    // The test host picks a free port before binding it: with many hosts starting in parallel another may
                    // take it first (address already in use). Pick again.
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<bool> ScheduleAsync(string runId, CancellationToken cancellationToken = default)
    {
        await StartAsync();
        return await _orchestrations.ScheduleAsync(runId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task RaiseAsync(string runId, string eventName, CancellationToken cancellationToken = default)
    {
        await StartAsync();
        await _orchestrations.RaiseAsync(runId, eventName, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<RunOrchestrationStatus> GetStatusAsync(string runId, CancellationToken cancellationToken = default)
    {
        await StartAsync();
        return await _orchestrations.GetStatusAsync(runId, cancellationToken);
    }

    /// <summary>Waits until the run's instance ends (at most <paramref name="timeout"/>, default 60 s).</summary>
    public async Task<OrchestrationMetadata> WaitForEndAsync(string runId, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        return await Client.WaitForInstanceCompletionAsync(runId, getInputsAndOutputs: true, cancel.Token);
    }

    /// <summary>
    /// Waits until the run's orchestration ended or the run waits for a human (its journal has a pending approval);
    /// returns the run's state then.
    /// </summary>
    public async Task<RunState> SettleAsync(IEventJournal journal, string runId, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var until = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var state = await RunReader.LoadAsync(journal, runId);
            var status = await GetStatusAsync(runId);
            if (status.HasEnded() || (state.PendingApprovals.Any()))
            {
                return status.HasEnded() ? await RunReader.LoadAsync(journal, runId) : state;
            }

            if (DateTimeOffset.UtcNow > until)
            {
                throw new TimeoutException($"run {runId} neither ended nor waited for a human (instance {status}, run {state.Status})");
            }

            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _gate.Dispose();
    }
}
