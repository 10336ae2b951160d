using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Planning.Offline;
using FunctionAgents.Domain.Responses.Offline;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Engine;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Policy;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Runs;
using FunctionAgents.Runtime.Tests.Runs.Fakes;
using FunctionAgents.Runtime.Tools;
using FunctionAgents.Runtime.Tools.Sql;

namespace FunctionAgents.Cli.Tests.Support;

/// <summary>
/// Runs the real runtime in memory (offline planner and answer, the four built-in tools on the sample shop, the default
/// policy) and exports the journal as JSON Lines: what <c>fa eval replay --journal-file</c> reads.
/// </summary>
internal static class RealRuns
{
    public static readonly DateOnly Day = new(2026, 11, 20);

    public static readonly string[] Goals =
    [
        "What is the refund policy for damaged items?",
        "What is the status of order 1042?",
        "Open a ticket for the damaged item in order 1042",
        "Email support@kestrelgoods.example about the refund for order 1042",
    ];

    public static async Task<string> ExportAsync(string folder)
    {
        var root = Fa.RepositoryRoot;
        var database = Path.Combine(folder, "shop.db");
        SampleShopDatabase.EnsureCreated(Path.Combine(root, "samples/shop/shop.sql"), database);
        var clock = new SteppedClock(new DateTimeOffset(Day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        var stores = new MemoryToolStores();
        var tools = BuiltInTools.CreateRegistry(new BuiltInToolOptions(Path.Combine(root, "samples/docs"), database), stores, stores, clock);
        var activities = new RunActivities(
            new OfflinePlanner(tools),
            new OfflineResponseBuilder(),
            tools,
            new ExecutorRunner(new ToolExecutor(tools, clock)),
            PolicyFile.Load(Path.Combine(root, "samples/policies/default.yaml")),
            clock);
        var journal = new InMemoryEventJournal();
        var index = new InMemoryRunIndex();
        var commands = new RunCommands(new RunAppender(journal, index, clock), index, new NoOrchestrations(), new RunOptions());
        var runner = new StepRunner(new RunAppender(journal, index, clock), activities);
        var lines = new List<string>();
        for (var i = 0; i < Goals.Length; i++)
        {
            var started = await commands.StartAsync(new StartRunRequest(
                i % 2 == 0 ? "acme" : "globex", Goals[i], null, null, null, new Dictionary<string, string> { ["route"] = "support" }, $"cli-{i}", "http", null));
            await LoopDriver.DriveAsync(runner, journal, started.RunId, clock);
            await foreach (var e in journal.ReadAsync(started.RunId))
            {
                lines.Add(EventSerializer.SerializeEvent(e));
            }
        }

        var path = Path.Combine(folder, "journal.jsonl");
        await File.WriteAllLinesAsync(path, lines);
        return path;
    }
}
