using FunctionAgents.Azure.Content;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Planning.Offline;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Responses.Offline;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Policy;
using FunctionAgents.Runtime.Runs;
using FunctionAgents.Runtime.Tools;
using FunctionAgents.Runtime.Tools.Sql;

namespace FunctionAgents.Benchmarks;

/// <summary>
/// The replay benchmark's runs: a few real runs of the runtime (offline planner and answer, built-in tools on the
/// sample shop, the default policy), each copied under many run ids with the id rewritten inside the payloads, so
/// every copy replays exactly like its original.
/// </summary>
internal sealed class ReplayCorpus
{
    public static readonly DateOnly Day = new(2026, 11, 20);

    private static readonly string[] Goals =
    [
        "What is the refund policy for damaged items?",
        "What is the status of order 1042?",
        "Open a ticket for the damaged item in order 1042",
        "Email support@kestrelgoods.example about the refund for order 1042",
        "How long does shipping to Germany take?",
    ];

    private readonly List<IReadOnlyList<RunEvent>> _templates;

    private ReplayCorpus(IToolCatalog tools, IPolicyEvaluator policy, List<IReadOnlyList<RunEvent>> templates)
    {
        Tools = tools;
        Policy = policy;
        _templates = templates;
    }

    public IToolCatalog Tools { get; }

    public IPolicyEvaluator Policy { get; }

    public static string RunId(int index) => $"bench-run-{index:D6}";

    public static async Task<ReplayCorpus> CreateAsync(CancellationToken cancellationToken)
    {
        var root = ContentPaths.FindRepositoryRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("Run the benchmark from a clone of the repository (samples/ is needed).");
        var database = Path.Combine(Path.GetTempPath(), "functionagents-bench", "shop.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        SampleShopDatabase.EnsureCreated(Path.Combine(root, "samples/shop/shop.sql"), database);
        var clock = new BenchClock(new DateTimeOffset(Day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        var stores = new BenchToolStores();
        var tools = BuiltInTools.CreateRegistry(new BuiltInToolOptions(Path.Combine(root, "samples/docs"), database), stores, stores, clock);
        var policy = PolicyFile.Load(Path.Combine(root, "samples/policies/default.yaml"));
        var activities = new RunActivities(
            new OfflinePlanner(tools), new OfflineResponseBuilder(), tools, new BenchToolRunner(new ToolExecutor(tools, clock)), policy, clock);
        var templates = new List<IReadOnlyList<RunEvent>>();
        for (var i = 0; i < Goals.Length; i++)
        {
            templates.Add(await RunAsync(activities, clock, $"template-{i}", Goals[i], cancellationToken));
        }

        return new ReplayCorpus(tools, policy, templates);
    }

    /// <summary>Copy <paramref name="index"/>: a template's events under <see cref="RunId"/>(index), sealed afresh.</summary>
    public IReadOnlyList<RunEvent> Run(int index)
    {
        var template = _templates[index % _templates.Count];
        var runId = RunId(index);
        var first = template[0];
        var drafts = template.Select(e => new EventDraft(
            e.Actor, EventSerializer.DeserializePayload(e.Type, e.Payload.Replace(first.RunId, runId, StringComparison.Ordinal)), e.CausationSeq));
        var tenant = $"tenant-{index % 7}";
        return EventSealer.Seal(new RunIdentity(runId, tenant, runId, first.TraceParent), 1, EventHasher.GenesisHash, first.OccurredAt, drafts);
    }

    private static async Task<IReadOnlyList<RunEvent>> RunAsync(RunActivities activities, TimeProvider clock, string runId, string goal, CancellationToken cancellationToken)
    {
        var started = new RunStarted(goal, 8, 1m, clock.GetUtcNow() + TimeSpan.FromHours(1), "http", null, new Dictionary<string, string> { ["route"] = "support" });
        var identity = new RunIdentity(runId, "tenant-0", runId, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        var events = EventSealer.Seal(identity, 1, EventHasher.GenesisHash, clock.GetUtcNow(), [new EventDraft(Actors.Orchestrator, started, null)]).ToList();
        var state = RunEvolver.Fold(events);
        while (RunDecider.Decide(state, clock.GetUtcNow()) is var step && step is not (RunStep.Idle or RunStep.AwaitApproval))
        {
            var drafts = await activities.PerformAsync(state, step, cancellationToken);
            var sealedEvents = EventSealer.Seal(state.Identity, state.LastSeq + 1, state.LastHash, clock.GetUtcNow(), drafts);
            events.AddRange(sealedEvents);
            state = sealedEvents.Aggregate(state, RunEvolver.Evolve);
        }

        return state.IsFinished ? events : throw new InvalidOperationException($"Template run '{goal}' did not finish ({state.Status}).");
    }
}
