using FunctionAgents.Domain.Engine;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Durable;
using FunctionAgents.Runtime.Engine;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Runs;
using FunctionAgents.Runtime.Tests.Runs.Fakes;
using FunctionAgents.Testing.Durable;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace FunctionAgents.Durable.Tests;

/// <summary>
/// The shared orchestrator and activities on a real Durable Task engine (DurableTaskTestHost: in-memory backend,
/// real dispatchers, timers, replay), with the run machinery wired to in-memory fakes on the system clock.
/// </summary>
internal sealed class DurableRunHarness : IAsyncDisposable
{
    private InMemoryDurableEngine? _engine;

    public DurableRunHarness(IPlanner planner, IPolicyEvaluator? policy = null, RunOptions? options = null, params FakeTool[] tools)
    {
        Tools = tools.Length > 0 ? tools : [new FakeTool("lookup"), new FakeTool("notify")];
        var catalog = new FakeCatalog(Tools);
        var activities = new RunActivities(planner, new EchoResponseBuilder(), catalog, new FakeToolRunner(catalog), policy ?? new StaticPolicy(), TimeProvider.System);
        Faults = new FaultyJournal(Journal);
        Runner = new StepRunner(new RunAppender(Faults, Index, TimeProvider.System), activities);
        Commands = new RunCommands(new RunAppender(Journal, Index, TimeProvider.System), Index, new LazyOrchestrations(this), options ?? new RunOptions());
        Unscheduled = new RunCommands(new RunAppender(Journal, Index, TimeProvider.System), Index, new FakeOrchestrations(), options ?? new RunOptions());
    }

    public InMemoryEventJournal Journal { get; } = new();

    public InMemoryRunIndex Index { get; } = new();

    /// <summary>The journal as the activities see it: a test can make an append fail (a crash after the side effect).</summary>
    public FaultyJournal Faults { get; }

    public FakeTool[] Tools { get; }

    /// <summary>The commands on the in-memory Durable engine: a start schedules the orchestration, decisions raise events.</summary>
    public RunCommands Commands { get; }

    /// <summary>Commands with no engine behind them: a start only appends RunStarted (for tests that schedule themselves).</summary>
    public RunCommands Unscheduled { get; }

    public StepRunner Runner { get; }

    /// <summary>How many times the orchestrator function ran (first execution plus every replay).</summary>
    public int OrchestratorExecutions => _orchestratorExecutions;

    private int _orchestratorExecutions;

    public InMemoryDurableEngine Engine => _engine ?? throw new InvalidOperationException("Call StartHostAsync first.");

    public DurableTaskClient Client => Engine.Client;

    public FakeTool Tool(string name) => Tools.Single(t => t.Name == name);

    public async Task StartHostAsync(Func<string, ITaskActivity, ITaskActivity>? activity = null)
    {
        _engine = new InMemoryDurableEngine(Runner, () => new CountingOrchestration(this), activity);
        await _engine.StartAsync();
    }

    /// <summary>Appends RunStarted (the journal is the record; a host schedules the orchestration next).</summary>
    public async Task<string> AppendRunStartedAsync(string goal = "help the customer") =>
        (await Unscheduled.StartAsync(new StartRunRequest("t1", goal, null, null, null, null, null, "http", null))).RunId;

    /// <summary>Starts the run as the hosts do: RunStarted appended, then the orchestration scheduled with instance id = RunId.</summary>
    public async Task<string> StartRunAsync(string goal = "help the customer") =>
        (await Commands.StartAsync(new StartRunRequest("t1", goal, null, null, null, null, null, "http", null))).RunId;

    public Task<OrchestrationMetadata> WaitForEndAsync(string runId) => Engine.WaitForEndAsync(runId);

    /// <summary>Polls the journal until the run waits for a human on <paramref name="stepId"/>.</summary>
    public async Task WaitForApprovalAsync(string runId, string stepId)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < until)
        {
            var state = await RunReader.LoadAsync(Journal, runId);
            if (state.FindStep(stepId)?.Phase == StepPhase.AwaitingApproval)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"run {runId} never waited for approval of {stepId}");
    }

    public async Task<List<RunEvent>> EventsAsync(string runId)
    {
        var list = new List<RunEvent>();
        await foreach (var e in Journal.ReadAsync(runId))
        {
            list.Add(e);
        }

        return list;
    }

    public async Task<List<string>> TypesAsync(string runId) => [.. (await EventsAsync(runId)).Select(e => e.Type)];

    public async ValueTask DisposeAsync()
    {
        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }
    }

    /// <summary>Forwards to the engine started by <see cref="StartHostAsync"/> (the commands exist before it).</summary>
    private sealed class LazyOrchestrations(DurableRunHarness harness) : IRunOrchestrations
    {
        public Task<bool> ScheduleAsync(string runId, CancellationToken cancellationToken = default) => harness.Engine.ScheduleAsync(runId, cancellationToken);

        public Task RaiseAsync(string runId, string eventName, CancellationToken cancellationToken = default) =>
            harness.Engine.RaiseAsync(runId, eventName, cancellationToken);

        public Task<RunOrchestrationStatus> GetStatusAsync(string runId, CancellationToken cancellationToken = default) =>
            harness.Engine.GetStatusAsync(runId, cancellationToken);
    }

    /// <summary>The real orchestration, counting its executions so a test can tell a replay from a fresh run.</summary>
    private sealed class CountingOrchestration(DurableRunHarness harness) : TaskOrchestrator<string, RunStatus>
    {
        private readonly AgentRunOrchestration _inner = new(InMemoryDurableEngine.FastRetry);

        public override Task<RunStatus> RunAsync(TaskOrchestrationContext context, string input)
        {
            Interlocked.Increment(ref harness._orchestratorExecutions);
            return _inner.RunAsync(context, input);
        }
    }
}
