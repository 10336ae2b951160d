using FunctionAgents.Azure.OpenAI;
using FunctionAgents.Domain.Engine;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Engine;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Runs;
using FunctionAgents.Runtime.Tools;
using FunctionAgents.Testing.Durable;

namespace FunctionAgents.Azure.Tests.OpenAI.Fakes;

/// <summary>
/// The run machinery (the Durable run orchestrator in memory over an in-memory journal, real tool executor, a recording policy) with the
/// Azure OpenAI planner and response builder talking to a <see cref="FakeChatServer"/>.
/// </summary>
internal sealed class ModelRunHarness : IAsyncDisposable
{
    public ModelRunHarness(Func<AzureOpenAIOptions, AzureOpenAIOptions>? configure = null, Func<ToolInvocation, object>? searchOutput = null)
    {
        Search = new TestTool("search_docs", searchOutput);
        Email = new TestTool("send_email");
        Catalog = new ToolRegistry([Search, Email]);
        Options = (configure ?? (o => o))(TestModels.Options(Server));
        Planner = new AzureOpenAIPlanner(Options, Catalog, Logs);
        Builder = new AzureOpenAIResponseBuilder(Options, Logs);
        var runner = new TestToolRunner(new ToolExecutor(Catalog, TimeProvider.System));
        Activities = new RunActivities(Planner, Builder, Catalog, runner, Policy, TimeProvider.System, Options.Prices);
        Engine = new InMemoryDurableEngine(new StepRunner(new RunAppender(Journal, Index, TimeProvider.System), Activities));
        Commands = new RunCommands(new RunAppender(Journal, Index, TimeProvider.System), Index, new ScheduledByRunAsync(Engine), new RunOptions());
    }

    public FakeChatServer Server { get; } = new();

    public CapturingLoggerFactory Logs { get; } = new();

    public TestTool Search { get; }

    public TestTool Email { get; }

    public ToolRegistry Catalog { get; }

    public RecordingPolicy Policy { get; } = new();

    public InMemoryEventJournal Journal { get; } = new();

    public QuietRunIndex Index { get; } = new();

    public AzureOpenAIOptions Options { get; }

    public AzureOpenAIPlanner Planner { get; }

    public AzureOpenAIResponseBuilder Builder { get; }

    public RunActivities Activities { get; }

    /// <summary>The run orchestrator and activities on the in-memory Durable engine.</summary>
    public InMemoryDurableEngine Engine { get; }

    public RunCommands Commands { get; }

    /// <summary>Starts a run (no model call yet) and returns its id, so replies can name it.</summary>
    public async Task<string> StartAsync(string goal = "What is the return policy for opened items?", int? maxSteps = 4, decimal? budgetUsd = 1m)
    {
        var started = await Commands.StartAsync(new StartRunRequest("t1", goal, maxSteps, budgetUsd, null, null, null, "http", null));
        return started.RunId;
    }

    /// <summary>Schedules the run's orchestration, waits until it finishes or waits for a human, and returns its events.</summary>
    public async Task<List<RunEvent>> RunAsync(string runId)
    {
        await Engine.ScheduleAsync(runId);
        await Engine.SettleAsync(Journal, runId);
        var events = new List<RunEvent>();
        await foreach (var e in Journal.ReadAsync(runId))
        {
            events.Add(e);
        }

        return events;
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>The engine, except that a start does not schedule: <see cref="RunAsync"/> does, once the test has queued its model replies.</summary>
    private sealed class ScheduledByRunAsync(InMemoryDurableEngine engine) : IRunOrchestrations
    {
        public Task<bool> ScheduleAsync(string runId, CancellationToken cancellationToken = default) => Task.FromResult(false);

        public Task RaiseAsync(string runId, string eventName, CancellationToken cancellationToken = default) => engine.RaiseAsync(runId, eventName, cancellationToken);

        public Task<RunOrchestrationStatus> GetStatusAsync(string runId, CancellationToken cancellationToken = default) => engine.GetStatusAsync(runId, cancellationToken);
    }
}
