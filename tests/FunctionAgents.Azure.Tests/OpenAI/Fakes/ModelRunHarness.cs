using FunctionAgents.Azure.OpenAI;
using FunctionAgents.Core.Engine;
using FunctionAgents.Core.Events;
using FunctionAgents.Core.Journal;
using FunctionAgents.Core.Runs;
using FunctionAgents.Core.Tools;

namespace FunctionAgents.Azure.Tests.OpenAI.Fakes;

/// <summary>
/// The run machinery (journal engine over an in-memory journal, real tool executor, a recording policy) with the
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
        Engine = new RunEngine(Journal, Activities, Index, Queue, TimeProvider.System);
        Commands = new RunCommands(Journal, Index, Queue, TimeProvider.System, new RunOptions());
    }

    public FakeChatServer Server { get; } = new();

    public CapturingLoggerFactory Logs { get; } = new();

    public TestTool Search { get; }

    public TestTool Email { get; }

    public ToolRegistry Catalog { get; }

    public RecordingPolicy Policy { get; } = new();

    public InMemoryEventJournal Journal { get; } = new();

    public QuietRunIndex Index { get; } = new();

    public QuietWorkQueue Queue { get; } = new();

    public AzureOpenAIOptions Options { get; }

    public AzureOpenAIPlanner Planner { get; }

    public AzureOpenAIResponseBuilder Builder { get; }

    public RunActivities Activities { get; }

    public RunEngine Engine { get; }

    public RunCommands Commands { get; }

    /// <summary>Starts a run (no model call yet) and returns its id, so replies can name it.</summary>
    public async Task<string> StartAsync(string goal = "What is the return policy for opened items?", int? maxSteps = 4, decimal? budgetUsd = 1m)
    {
        var started = await Commands.StartAsync(new StartRunRequest("t1", goal, maxSteps, budgetUsd, null, null, null, "http", null));
        return started.RunId;
    }

    /// <summary>Drives the run until it finishes or waits, and returns its events.</summary>
    public async Task<List<RunEvent>> RunAsync(string runId)
    {
        await Engine.AdvanceAsync(runId);
        var events = new List<RunEvent>();
        await foreach (var e in Journal.ReadAsync(runId))
        {
            events.Add(e);
        }

        return events;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
