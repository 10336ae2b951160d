using FunctionAgents.Core.Engine;
using FunctionAgents.Core.Events;
using FunctionAgents.Core.Journal;
using FunctionAgents.Core.Planning;
using FunctionAgents.Core.Policy;
using FunctionAgents.Core.Runs;
using FunctionAgents.Core.Tests.Runs.Fakes;
using FunctionAgents.Durable;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace FunctionAgents.Durable.Tests;

/// <summary>
/// The shared orchestrator and activities on a real Durable Task engine (DurableTaskTestHost: in-memory backend,
/// real dispatchers, timers, replay), with the run machinery wired to in-memory fakes on the system clock.
/// </summary>
internal sealed class DurableRunHarness : IAsyncDisposable
{
    private static readonly RetryPolicy FastRetry = new(3, TimeSpan.FromMilliseconds(200), 1.0, TimeSpan.FromSeconds(1));
    private DurableTaskTestHost? _host;

    public DurableRunHarness(IPlanner planner, IPolicyEvaluator? policy = null, RunOptions? options = null, params FakeTool[] tools)
    {
        Tools = tools.Length > 0 ? tools : [new FakeTool("lookup"), new FakeTool("notify")];
        var catalog = new FakeCatalog(Tools);
        var activities = new RunActivities(planner, new EchoResponseBuilder(), catalog, new FakeToolRunner(catalog), policy ?? new StaticPolicy(), TimeProvider.System);
        Commands = new RunCommands(Journal, Index, new InMemoryWorkQueue(TimeProvider.System), TimeProvider.System, options ?? new RunOptions());
        Runner = new StepRunner(Journal, activities, Index, TimeProvider.System);
    }

    public InMemoryEventJournal Journal { get; } = new();

    public InMemoryRunIndex Index { get; } = new();

    public FakeTool[] Tools { get; }

    public RunCommands Commands { get; }

    public StepRunner Runner { get; }

    /// <summary>How many times the orchestrator function ran (first execution plus every replay).</summary>
    public int OrchestratorExecutions => _orchestratorExecutions;

    private int _orchestratorExecutions;

    public DurableTaskClient Client => _host?.Client ?? throw new InvalidOperationException("Call StartHostAsync first.");

    public FakeTool Tool(string name) => Tools.Single(t => t.Name == name);

    public async Task StartHostAsync(Func<string, ITaskActivity, ITaskActivity>? activity = null)
    {
        _host = await DurableTaskTestHost.StartAsync(registry => registry.AddRunTasks(
            Runner,
            () => new CountingOrchestration(this),
            activity));
    }

    /// <summary>Appends RunStarted (the journal is the record; a host schedules the orchestration next).</summary>
    public async Task<string> AppendRunStartedAsync(string goal = "help the customer") =>
        (await Commands.StartAsync(new StartRunRequest("t1", goal, null, null, null, null, null, "http", null))).RunId;

    /// <summary>Appends RunStarted and schedules the orchestration with instance id = RunId, as the hosts do.</summary>
    public async Task<string> StartRunAsync(string goal = "help the customer")
    {
        var started = await Commands.StartAsync(new StartRunRequest("t1", goal, null, null, null, null, null, "http", null));
        await Client.ScheduleNewOrchestrationInstanceAsync(
            OrchestrationNames.Orchestrator, started.RunId, new StartOrchestrationOptions { InstanceId = started.RunId });
        return started.RunId;
    }

    public async Task<OrchestrationMetadata> WaitForEndAsync(string runId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await Client.WaitForInstanceCompletionAsync(runId, getInputsAndOutputs: true, timeout.Token);
    }

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
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>The real orchestration, counting its executions so a test can tell a replay from a fresh run.</summary>
    private sealed class CountingOrchestration(DurableRunHarness harness) : TaskOrchestrator<string, RunStatus>
    {
        private readonly AgentRunOrchestration _inner = new(FastRetry);

        public override Task<RunStatus> RunAsync(TaskOrchestrationContext context, string input)
        {
            Interlocked.Increment(ref harness._orchestratorExecutions);
            return _inner.RunAsync(context, input);
        }
    }
}
