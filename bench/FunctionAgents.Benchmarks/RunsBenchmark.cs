using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Data.Tables;
using FunctionAgents.Azure.Content;
using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Privacy;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Engine;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Engine;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Runtime.Runs;
using FunctionAgents.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionAgents.Benchmarks;

/// <summary>
/// The run's steps end to end (the orchestrator's loop and activities in process) on a private Azurite, wired exactly as the local host wires it (offline planner,
/// built-in tools, default policy, Table journal and index): per-step overhead against one journal append,
/// storage requests per step, and events/s with many runs in flight against raw Table inserts/s.
/// </summary>
internal sealed class RunsBenchmark : IBenchmarkVerb
{
    // Goals the default policy lets finish without a human (the only email goes to the shop's own domain).
    private static readonly string[] Goals =
    [
        "What is the refund policy for damaged items?",
        "What is the status of order 1042?",
        "Open a ticket for the damaged item in order 1042",
        "Email support@kestrelgoods.example about the refund for order 1042",
    ];

    public string Name => "runs";

    public IReadOnlyList<string> SmokeArguments => ["--probe-runs", "2", "--runs", "4", "--concurrency", "2", "--appends", "10"];

    public string Description =>
        "Engine per-step overhead vs one journal append, storage requests per step, events/s with runs in flight vs raw inserts/s. " +
        "Options: --probe-runs 40 --runs 1000 --concurrency 32 --appends 400 --privacy off|on (personal-data protection as the local host wires it)";

    public async Task<int> RunAsync(BenchmarkArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var probeRuns = arguments.Int("probe-runs", 40);
        var runs = arguments.Int("runs", 1_000);
        var concurrency = arguments.Int("concurrency", 32);
        var appends = arguments.Int("appends", 400);
        var privacy = arguments.Switch("privacy", fallback: false);

        await output.WriteLineAsync("Starting Azurite…");
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        var counter = new RequestCountingPolicy();
        var probe = new StepProbe();
        await using var services = await BuildAsync(azurite.ConnectionString, counter, probe, privacy, cancellationToken);
        var commands = services.GetRequiredService<RunCommands>();
        var runner = services.GetRequiredService<StepRunner>();
        var journal = services.GetRequiredService<IEventJournal>();
        var tables = services.GetRequiredService<TableStorageClient>();
        await output.WriteLineAsync(Invariant($"runs: {probeRuns} sequential probe runs, {runs:N0} runs in flight at concurrency {concurrency}, {Environment.ProcessorCount} cores, personal-data protection {(privacy ? "on" : "off")}"));

        // One journal append, measured in the same process against the same Azurite.
        var appendTimes = await MeasureAppendsAsync(journal, appends, cancellationToken);
        var medianAppend = Median(appendTimes);

        // Sequential runs: every step's wall time (decide, activity, seal, append, fold, projections) and its storage requests.
        probe.Reset();
        long stepRequests = 0;
        long startRequests = 0;
        for (var i = 0; i < probeRuns; i++)
        {
            var beforeStart = counter.Requests;
            var started = await commands.StartAsync(Request(i, "probe"), cancellationToken);
            var beforeAdvance = counter.Requests;
            probe.Begin(started.RunId);
            await DriveAsync(runner, probe, started.RunId);
            startRequests += beforeAdvance - beforeStart;
            stepRequests += counter.Requests - beforeAdvance;
        }

        var steps = probe.Steps;
        var medianStep = Median(probe.Durations);
        await output.WriteLineAsync(Invariant($"median journal append (1 event):   {medianAppend.TotalMilliseconds,8:F2} ms  ({appends} appends)"));
        await output.WriteLineAsync(Invariant($"median engine step:                {medianStep.TotalMilliseconds,8:F2} ms  ({steps} steps in {probeRuns} runs)"));
        await output.WriteLineAsync(Invariant($"per-step overhead / one append:    {medianStep / medianAppend,8:F2}x  (target <= 2x)"));
        await output.WriteLineAsync(Invariant(
            $"storage requests per step:         {(double)stepRequests / steps,8:F2}   ({stepRequests} requests while advancing: journal read and appends, tool side effects, index; target <= 2)"));
        await output.WriteLineAsync(Invariant($"storage requests to start a run:   {(double)startRequests / probeRuns,8:F2}   (index row, RunStarted)"));

        // Many runs in flight: start them all, then advance them concurrently; compare with raw inserts at the same concurrency.
        var ids = new string[runs];
        await Measurement.RunAsync(runs, concurrency, async (_, i) => ids[i] = (await commands.StartAsync(Request(i, "load"), cancellationToken)).RunId);
        var eventsBefore = await CountEventsAsync(journal, ids, cancellationToken);
        var advanced = await Measurement.RunAsync(runs, concurrency, async (_, i) => await DriveAsync(runner, probe, ids[i]));
        var eventsAppended = await CountEventsAsync(journal, ids, cancellationToken) - eventsBefore;
        var rawTable = "benchraw" + Guid.NewGuid().ToString("N")[..8];
        await tables.CreateTableIfNotExistsAsync(rawTable, cancellationToken);
        var rawElapsed = await Measurement.RunAsync((int)eventsAppended, concurrency, (_, i) => tables.InsertEntityAsync(rawTable, RawEntity(i), cancellationToken));
        var engineRate = Measurement.PerSecond(eventsAppended, advanced);
        var rawRate = Measurement.PerSecond(eventsAppended, rawElapsed);
        await output.WriteLineAsync(Invariant($"engine events/s, {runs:N0} runs in flight: {engineRate,8:N0}   ({eventsAppended:N0} events in {advanced.TotalSeconds:F1} s)"));
        await output.WriteLineAsync(Invariant($"raw table inserts/s, same concurrency:  {rawRate,8:N0}"));
        await output.WriteLineAsync(Invariant($"engine / raw:                            {engineRate / rawRate,8:F2}x (target >= 0.5x)"));
        return 0;
    }

    internal static async Task<ServiceProvider> BuildAsync(
        string connectionString, RequestCountingPolicy counter, StepProbe probe, bool privacy, CancellationToken cancellationToken)
    {
        var root = ContentPaths.FindRepositoryRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("Run the benchmark from a clone of the repository (samples/ is needed).");
        var values = new Dictionary<string, string?>
        {
            [StorageSettings.ConnectionSetting] = connectionString,
            [StorageSettings.PrefixSetting] = "bench",
            [ContentSettings.DataPathSetting] = Path.Combine(Path.GetTempPath(), "functionagents-bench"),
            [PrivacySettingNames.Kek] = KeyEncryptionKey.NewBase64(),
        };
        string? Get(string name) => values.GetValueOrDefault(name);
        var settings = FunctionAgentsSettings.FromSettings(Get);
        var options = new StorageClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);

        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        // The benchmark drives runs itself (RunsBenchmark in process, DurableBenchmark on its own LocalTaskHub): a start only appends.
        services.AddSingleton<IRunOrchestrations>(new DrivenByTheBenchmark());
        services.AddFunctionAgents(settings, Get, root, o => BenchmarkWiring.Configure(o, options, counter, privacy, forensics: false));

        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<FunctionAgentsStorage>().EnsureCreatedAsync(cancellationToken);
        return provider;
    }

    internal static StartRunRequest Request(int i, string batch) =>
        new("bench", Goals[i % Goals.Length], null, null, null, null, $"{batch}-{i}", "http", null);

    private static async Task<List<TimeSpan>> MeasureAppendsAsync(IEventJournal journal, int count, CancellationToken cancellationToken)
    {
        var times = new List<TimeSpan>(count);
        var identity = new RunIdentity("bench-append", "bench", "bench", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        var prev = EventHasher.GenesisHash;
        for (var seq = 1; seq <= count; seq++)
        {
            var e = EventSealer.Seal(identity, seq, prev, DateTimeOffset.UtcNow, [new EventDraft(Actors.Human, new HumanApproved($"s{seq}", "bench", "ok"), seq - 1)]);
            var start = Stopwatch.GetTimestamp();
            await journal.AppendAsync(identity.RunId, seq, e, cancellationToken);
            times.Add(Stopwatch.GetElapsedTime(start));
            prev = e[0].Hash;
        }

        return times;
    }

    private static async Task<long> CountEventsAsync(IEventJournal journal, string[] ids, CancellationToken cancellationToken)
    {
        long total = 0;
        foreach (var id in ids)
        {
            await foreach (var _ in journal.ReadAsync(id, cancellationToken: cancellationToken))
            {
                total++;
            }
        }

        return total;
    }

    private static TableEntity RawEntity(int i)
    {
        var entity = new TableEntity("raw-" + (i % 500).ToString("D4", CultureInfo.InvariantCulture), i.ToString("D10", CultureInfo.InvariantCulture));
        entity["EventType"] = "ToolExecuted";
        entity["Payload"] = new string('x', 400);
        entity["Hash"] = new string('a', 64);
        return entity;
    }

    private static TimeSpan Median(List<TimeSpan> values)
    {
        values.Sort();
        return values.Count == 0 ? TimeSpan.Zero : values[values.Count / 2];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Drives a run in process with the orchestrator's own loop and activities (no Durable engine: the durable overhead
    /// is DurableBenchmark's), timing every step, until it waits for a human or ends.
    /// </summary>
    private static Task<RunStatus> DriveAsync(StepRunner runner, StepProbe probe, string runId) =>
        OrchestrationLoop.RunAsync(
            runId,
            async request =>
            {
                var result = await runner.PerformAsync(request);
                probe.Stepped(runId);
                return result;
            },
            (id, after) => runner.ReadAsync(id, after),
            (_, _) => throw new InvalidOperationException($"run {runId} waits for a human: the benchmark's goals must finish without one"),
            () => DateTimeOffset.UtcNow);

    /// <summary>Schedules nothing: the benchmark drives every run itself.</summary>
    private sealed class DrivenByTheBenchmark : IRunOrchestrations
    {
        public Task<bool> ScheduleAsync(string runId, CancellationToken cancellationToken = default) => Task.FromResult(false);

        public Task RaiseAsync(string runId, string eventName, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<RunOrchestrationStatus> GetStatusAsync(string runId, CancellationToken cancellationToken = default) => Task.FromResult(RunOrchestrationStatus.None);
    }

    /// <summary>Times each step: from the previous step of the same run (or the run's start) to the end of this one's append.</summary>
    internal sealed class StepProbe
    {
        private readonly Dictionary<string, long> _last = [];
        private readonly Lock _gate = new();

        public List<TimeSpan> Durations { get; } = [];

        public int Steps { get; private set; }

        public void Reset()
        {
            lock (_gate)
            {
                _last.Clear();
                Durations.Clear();
                Steps = 0;
            }
        }

        public void Begin(string runId)
        {
            lock (_gate)
            {
                _last[runId] = Stopwatch.GetTimestamp();
            }
        }

        public void Stepped(string runId)
        {
            lock (_gate)
            {
                if (!_last.TryGetValue(runId, out var previous))
                {
                    return;
                }

                var now = Stopwatch.GetTimestamp();
                Durations.Add(Stopwatch.GetElapsedTime(previous, now));
                Steps++;
                _last[runId] = now;
            }
        }
    }
}
