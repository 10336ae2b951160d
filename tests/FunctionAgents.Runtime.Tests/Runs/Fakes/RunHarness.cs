using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Engine;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Runs;

namespace FunctionAgents.Runtime.Tests.Runs.Fakes;

/// <summary>The run machinery wired to in-memory fakes: for the decider's, the orchestration loop's and the commands' pure logic.</summary>
internal sealed class RunHarness
{
    public RunHarness(IPlanner planner, IPolicyEvaluator? policy = null, RunOptions? options = null, params FakeTool[] tools)
    {
        Tools = tools.Length > 0 ? tools : [new FakeTool("lookup"), new FakeTool("notify")];
        Catalog = new FakeCatalog(Tools);
        Planner = planner;
        Policy = policy ?? new StaticPolicy();
        Activities = new RunActivities(planner, new EchoResponseBuilder(), Catalog, new FakeToolRunner(Catalog), Policy, Clock);
        Commands = new RunCommands(new RunAppender(Journal, Index, Clock), Index, Orchestrations, options ?? new RunOptions());
        Runner = new StepRunner(new RunAppender(Journal, Index, Clock), Activities);
    }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

    public InMemoryEventJournal Journal { get; } = new();

    public InMemoryRunIndex Index { get; } = new();

    public FakeOrchestrations Orchestrations { get; } = new();

    /// <summary>The activities' step runner (what every Durable activity calls).</summary>
    public StepRunner Runner { get; }

    public FakeTool[] Tools { get; }

    public FakeCatalog Catalog { get; }

    public IPlanner Planner { get; }

    public IPolicyEvaluator Policy { get; }

    public RunActivities Activities { get; }

    public RunCommands Commands { get; }

    public FakeTool Tool(string name) => Tools.Single(t => t.Name == name);

    /// <summary>Drives the run with the orchestrator's loop and activities until it waits for a human or ends.</summary>
    public Task<DriveOutcome> DriveAsync(string runId) => LoopDriver.DriveAsync(Runner, Journal, runId, Clock);

    public async Task<string> StartAsync(string goal = "help the customer", int? maxSteps = null, decimal? budgetUsd = null, string? key = null)
    {
        var result = await Commands.StartAsync(new StartRunRequest("t1", goal, maxSteps, budgetUsd, null, null, key, "http", null));
        return result.RunId;
    }

    public Task<RunState> StateAsync(string runId) => RunReader.LoadAsync(Journal, runId);

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
}
