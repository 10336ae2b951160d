using System.Diagnostics;
using System.Globalization;
using FunctionAgents.Durable.AzureStorage;
using FunctionAgents.Durable;
using FunctionAgents.Runtime.Runs;
using FunctionAgents.Testing;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionAgents.Benchmarks;

/// <summary>
/// The run orchestration on DTFx + Azure Storage (LocalTaskHub, wired as the local host wires it: forensics projections and
/// personal-data protection included) against a bare DTFx chain of no-op activities on the same Azurite, in one process:
/// per-activity wall time of sequential runs, runs/s with many in flight, wake-up after idle, and storage requests per
/// step (ours: journal, run index, audit, checkpoints, key store, tool side effects; DTFx's: the bare chain's per activity).
/// Each measure is repeated <c>--repeat</c> times on the same hubs, alternating ours and bare.
/// </summary>
internal sealed partial class DurableBenchmark : IBenchmarkVerb
{
    private static long s_ourCompleted;
    private static long s_ourActivities;
    private static long s_ourInsideTicks;

    public string Name => "durable";

    public IReadOnlyList<string> SmokeArguments => ["--probe-runs", "1", "--runs", "2", "--idle", "1", "--repeat", "1", "--concurrency", "2", "--extended-sessions", "off"];

    public string Description =>
        "Run orchestration (DTFx + Azurite, host wiring) vs a bare DTFx chain of no-op activities: per-step overhead, storage requests per step, " +
        "runs/s in flight, wake-up after idle. Options: --probe-runs 10 --runs 1000 --idle 60 --repeat 2 --partitions 1 --concurrency 16 --privacy on|off " +
        "--extended-sessions on|off (the engine settings apply to both sides)";

    public async Task<int> RunAsync(BenchmarkArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var settings = new Settings(
            arguments.Int("probe-runs", 10),
            arguments.Int("runs", 1_000),
            arguments.Int("idle", 60),
            arguments.Int("repeat", 2),
            arguments.Int("partitions", 1),
            arguments.Int("concurrency", 16),
            arguments.Switch("privacy", fallback: true),
            arguments.Switch("extended-sessions", fallback: false));

        await output.WriteLineAsync("Starting Azurite…");
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        var counter = new RequestCountingPolicy();
        await using var services = await DurableWiring.BuildAsync(azurite.ConnectionString, counter, settings.Privacy, cancellationToken);
        var commands = services.GetRequiredService<RunCommands>();
        var engine = new LocalTaskHubOptions
        {
            ConnectionString = azurite.ConnectionString, TaskHubName = "benchruns", PartitionCount = settings.Partitions, ExtendedSessions = settings.ExtendedSessions,
        };
        await using var hub = new LocalTaskHub(
            engine,
            DurableWiring.Runner(services),
            NullLoggerFactory.Instance,
            orchestrator: () => new CompletionCountingOrchestrator(new AgentRunOrchestration()),
            activity: (_, inner) => new CountingActivity(inner));
        services.GetRequiredService<ManualScheduling>().Hub = new LocalRunOrchestrations(hub);
        await using var bare = new BareChain(engine, "benchbare");
        await hub.StartAsync();
        await bare.StartAsync();
        var ours = new OurSide(commands, hub, counter, new CpuMeter(azurite.ProcessId));
        await output.WriteLineAsync(Invariant(
            $"durable: {settings.ProbeRuns} sequential probe runs, {settings.Runs:N0} runs in flight (scheduled {settings.Concurrency} at a time), ") + Invariant(
            $"idle {settings.Idle} s, {settings.Repeat} repetitions, {Environment.ProcessorCount} cores, polling 1 s, {settings.Partitions} partition(s), ") + Invariant(
            $"extended sessions {(settings.ExtendedSessions ? "on" : "off")} (engine settings on both sides), privacy {(settings.Privacy ? "on" : "off")}"));
        await output.WriteLineAsync($"projections fed after each append: {DurableWiring.ProjectionNames(services)}");

        // Warm-up (JIT, table and queue creation on first use, connection pools, the tenant's first data key): two runs
        // each side, not counted. Every figure below (requests, times, CPU) is from the repetitions after it.
        var warmUp = await SequentialAsync(0, settings with { ProbeRuns = 2 }, ours, bare, cancellationToken);
        await output.WriteLineAsync(Invariant(
            $"warm-up (not counted): 2 runs each side, {warmUp.Profile.Start.Values.Sum(v => v.Count) + warmUp.Profile.Step.Values.Sum(v => v.Count)} requests of ours, ") + Invariant(
            $"{warmUp.Profile.Start.Concat(warmUp.Profile.Step).Where(p => p.Key.StartsWith("Tables ", StringComparison.Ordinal)).Sum(p => p.Value.Count)} of them creating tables"));

        var results = new List<Repetition>();
        for (var r = 1; r <= settings.Repeat; r++)
        {
            var result = await RepeatAsync(r, settings, ours, bare, output, cancellationToken);
            results.Add(result);
        }

        await WriteSummaryAsync(results, settings, output);
        await WriteProfileAsync(results, output);
        await WriteBreakdownAsync(results, output);
        return 0;
    }

    private static async Task<Repetition> RepeatAsync(int r, Settings settings, OurSide ours, BareChain bare, TextWriter output, CancellationToken cancellationToken)
    {
        var sequential = await SequentialAsync(r, settings, ours, bare, cancellationToken);
        await output.WriteLineAsync(Invariant(
            $"[{r}] per activity, sequential: ours {sequential.Ours.TotalMilliseconds:F1} ms ({sequential.Activities} activities per run), bare {sequential.Bare.TotalMilliseconds:F1} ms, ") + Invariant(
            $"ratio {sequential.Ours / sequential.Bare:F2}x (target <= 1.3x); our storage requests per step {sequential.OurRequestsPerStep:F2}, to start a run {sequential.OurRequestsPerStart:F2}; ") + Invariant(
            $"DTFx requests per bare activity {sequential.BareRequestsPerActivity:F2}"));

        var load = await LoadAsync(r, settings, ours, bare, sequential.Activities, cancellationToken);
        await output.WriteLineAsync(Invariant(
            $"[{r}] runs/s, {settings.Runs:N0} in flight: ours {load.Ours:F2} ({load.OurSeconds:F0} s), bare {load.Bare:F2} ({load.BareSeconds:F0} s), ratio {load.Ours / load.Bare:F2}x (target >= 0.7x); ") + Invariant(
            $"run completion p50 / p95: ours {load.OurP50.TotalSeconds:F2} / {load.OurP95.TotalSeconds:F2} s, bare {load.BareP50.TotalSeconds:F2} / {load.BareP95.TotalSeconds:F2} s"));

        var wake = await WakeAsync(r, settings, ours, bare, sequential.Activities, output, cancellationToken);
        await output.WriteLineAsync(Invariant(
            $"[{r}] wake-up after {settings.Idle} s idle (schedule -> second activity starts): ours {wake.Ours.TotalMilliseconds:F0} ms, bare {wake.Bare.TotalMilliseconds:F0} ms"));
        return new Repetition(sequential, load, wake);
    }

    private static async Task WriteSummaryAsync(List<Repetition> results, Settings settings, TextWriter output)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync("| Measure | " + string.Join(" | ", results.Select((_, i) => $"Run {i + 1}")) + " | Target |");
        await output.WriteLineAsync("|---|" + string.Concat(results.Select(_ => "---|")) + "---|");
        await Row("median ms per activity, ours / bare", r => Invariant($"{r.Sequential.Ours.TotalMilliseconds:F1} / {r.Sequential.Bare.TotalMilliseconds:F1}"), "");
        await Row("per-step overhead ratio", r => Invariant($"{r.Sequential.Ours / r.Sequential.Bare:F2}x"), "<= 1.3x");
        await Row("our storage requests per step (every projection)", r => Invariant($"{r.Sequential.OurRequestsPerStep:F2}"), "");
        await Row("our storage requests to start a run", r => Invariant($"{r.Sequential.OurRequestsPerStart:F2}"), "");
        await Row("DTFx storage requests per bare activity", r => Invariant($"{r.Sequential.BareRequestsPerActivity:F2}"), "");
        await Row(Invariant($"runs/s with {settings.Runs:N0} in flight, ours / bare"), r => Invariant($"{r.Load.Ours:F2} / {r.Load.Bare:F2}"), "");
        await Row("in-flight ratio", r => Invariant($"{r.Load.Ours / r.Load.Bare:F2}x"), ">= 0.7x");
        await Row(Invariant($"run completion p50 / p95 with {settings.Runs:N0} in flight, ours"), r => Invariant($"{r.Load.OurP50.TotalSeconds:F2} / {r.Load.OurP95.TotalSeconds:F2} s"), "");
        await Row(Invariant($"run completion p50 / p95 with {settings.Runs:N0} in flight, bare"), r => Invariant($"{r.Load.BareP50.TotalSeconds:F2} / {r.Load.BareP95.TotalSeconds:F2} s"), "");
        await Row(Invariant($"wake-up after {settings.Idle} s idle, ours / bare"), r => Invariant($"{r.Wake.Ours.TotalMilliseconds:F0} / {r.Wake.Bare.TotalMilliseconds:F0} ms"), "");

        Task Row(string name, Func<Repetition, string> cell, string target) =>
            output.WriteLineAsync($"| {name} | {string.Join(" | ", results.Select(cell))} | {target} |");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Settings(int ProbeRuns, int Runs, int Idle, int Repeat, int Partitions, int Concurrency, bool Privacy, bool ExtendedSessions);

    private sealed record OurSide(RunCommands Commands, LocalTaskHub Hub, RequestCountingPolicy Requests, CpuMeter Cpu);

    private sealed record Sequential(
        TimeSpan Ours, TimeSpan Bare, int Activities, double OurRequestsPerStep, double OurRequestsPerStart, double BareRequestsPerActivity, Profile Profile);

    private sealed record Load(
        double Ours, double OurSeconds, double Bare, double BareSeconds, TimeSpan OurP50, TimeSpan OurP95, TimeSpan BareP50, TimeSpan BareP95);

    private sealed record Wake(TimeSpan Ours, TimeSpan Bare);

    private sealed record Repetition(Sequential Sequential, Load Load, Wake Wake);

    /// <summary>Counts step-activity executions and the wall time spent inside them (our code and our storage requests).</summary>
    private sealed class CountingActivity(ITaskActivity inner) : ITaskActivity
    {
        public Type InputType => inner.InputType;

        public Type OutputType => inner.OutputType;

        public async Task<object?> RunAsync(TaskActivityContext context, object? input)
        {
            // Counted as it starts (the wake-up measure waits for the first step to start), timed when it ends.
            Interlocked.Increment(ref s_ourActivities);
            var start = Stopwatch.GetTimestamp();
            try
            {
                return await inner.RunAsync(context, input);
            }
            finally
            {
                Interlocked.Add(ref s_ourInsideTicks, Stopwatch.GetElapsedTime(start).Ticks);
            }
        }
    }

    /// <summary>Counts orchestrations whose last episode ran (not replaying), as the bare chain does: waiting costs no storage request.</summary>
    private sealed class CompletionCountingOrchestrator(ITaskOrchestrator inner) : ITaskOrchestrator
    {
        public Type InputType => inner.InputType;

        public Type OutputType => inner.OutputType;

        public async Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
        {
            var result = await inner.RunAsync(context, input);
            if (!context.IsReplaying)
            {
                CompletionLatencies.Completed(context.InstanceId);
                Interlocked.Increment(ref s_ourCompleted);
            }

            return result;
        }
    }
}
