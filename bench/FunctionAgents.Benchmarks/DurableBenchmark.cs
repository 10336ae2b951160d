using System.Diagnostics;
using System.Globalization;
using DurableTask.Core;
using FunctionAgents.Core.Engine;
using FunctionAgents.Core.Journal;
using FunctionAgents.Core.Projections;
using FunctionAgents.Core.Runs;
using FunctionAgents.Durable.AzureStorage;
using FunctionAgents.Testing;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionAgents.Benchmarks;

/// <summary>
/// The run orchestration on DTFx + Azure Storage (LocalTaskHub) against a bare DTFx chain of no-op activities on the
/// same Azurite: per-activity overhead of sequential runs, runs/s with many in flight, and wake-up latency after idle.
/// </summary>
internal sealed class DurableBenchmark : IBenchmarkVerb
{
    public string Name => "durable";

    public string Description =>
        "Run orchestration (DTFx + Azurite) vs a bare DTFx chain of no-op activities: per-step overhead, runs/s in flight, wake-up after idle. " +
        "Options: --probe-runs 10 --runs 100 --idle 60";

    public async Task<int> RunAsync(BenchmarkArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var probeRuns = arguments.Int("probe-runs", 10);
        var runs = arguments.Int("runs", 100);
        var idle = arguments.Int("idle", 60);

        await output.WriteLineAsync("Starting Azurite…");
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        await using var services = await RunsBenchmark.BuildAsync(azurite.ConnectionString, new RequestCountingPolicy(), new RunsBenchmark.StepProbe(), privacy: false, cancellationToken);
        var commands = services.GetRequiredService<RunCommands>();
        var runner = new StepRunner(
            services.GetRequiredService<IEventJournal>(),
            services.GetRequiredService<RunActivities>(),
            services.GetRequiredService<IRunIndex>(),
            TimeProvider.System,
            services.GetServices<IJournalProjection>());
        var calls = 0L;
        await using var hub = new LocalTaskHub(
            new LocalTaskHubOptions { ConnectionString = azurite.ConnectionString, TaskHubName = "benchruns" },
            runner,
            NullLoggerFactory.Instance,
            activity: (_, inner) => new CountingActivity(inner, () => Interlocked.Increment(ref calls)));
        await using var bare = new BareChain(azurite.ConnectionString, "benchbare");
        await hub.StartAsync();
        await bare.StartAsync();
        await output.WriteLineAsync(Invariant($"durable: {probeRuns} sequential probe runs, {runs} runs in flight, {Environment.ProcessorCount} cores, polling 1 s, 1 partition"));

        // Sequential: wall time per activity call (step activities + the initial journal read).
        var ourTimes = new List<TimeSpan>();
        var perRunActivities = 0L;
        for (var i = 0; i < probeRuns; i++)
        {
            var before = Interlocked.Read(ref calls);
            var start = Stopwatch.GetTimestamp();
            var runId = (await commands.StartAsync(RunsBenchmark.Request(i, "durable-probe"), cancellationToken)).RunId;
            await hub.ScheduleAsync(runId);
            await WaitAsync(() => IsDoneAsync(hub, runId), cancellationToken);
            var activities = Interlocked.Read(ref calls) - before + 1;
            perRunActivities = activities;
            ourTimes.Add(Stopwatch.GetElapsedTime(start) / activities);
        }

        var chain = (int)perRunActivities;
        var bareTimes = new List<TimeSpan>();
        for (var i = 0; i < probeRuns; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var id = $"bare-probe-{i}";
            await bare.ScheduleAsync(id, chain);
            await WaitAsync(() => bare.IsDoneAsync(id), cancellationToken);
            bareTimes.Add(Stopwatch.GetElapsedTime(start) / chain);
        }

        var ours = Median(ourTimes);
        var baseline = Median(bareTimes);
        await output.WriteLineAsync(Invariant($"median per activity, our run:      {ours.TotalMilliseconds,8:F1} ms  ({chain} activities per run)"));
        await output.WriteLineAsync(Invariant($"median per activity, bare chain:   {baseline.TotalMilliseconds,8:F1} ms"));
        await output.WriteLineAsync(Invariant($"per-step overhead ratio:           {ours / baseline,8:F2}x (target <= 1.3x)"));

        // Many runs in flight.
        var ids = new List<string>();
        var load = Stopwatch.GetTimestamp();
        for (var i = 0; i < runs; i++)
        {
            var runId = (await commands.StartAsync(RunsBenchmark.Request(i, "durable-load"), cancellationToken)).RunId;
            await hub.ScheduleAsync(runId);
            ids.Add(runId);
        }

        await WaitAllAsync(ids, id => IsDoneAsync(hub, id), cancellationToken);
        var ourRate = runs / Stopwatch.GetElapsedTime(load).TotalSeconds;
        var bareIds = Enumerable.Range(0, runs).Select(i => $"bare-load-{i}").ToList();
        load = Stopwatch.GetTimestamp();
        foreach (var id in bareIds)
        {
            await bare.ScheduleAsync(id, chain);
        }

        await WaitAllAsync(bareIds, bare.IsDoneAsync, cancellationToken);
        var bareRate = runs / Stopwatch.GetElapsedTime(load).TotalSeconds;
        await output.WriteLineAsync(Invariant($"runs/s, {runs} in flight, our run: {ourRate,8:F2}"));
        await output.WriteLineAsync(Invariant($"runs/s, {runs} in flight, bare:    {bareRate,8:F2}"));
        await output.WriteLineAsync(Invariant($"ratio:                             {ourRate / bareRate,8:F2}x (target >= 0.7x)"));

        // Wake-up after idle: nothing scheduled for `idle` seconds, then one run.
        await output.WriteLineAsync(Invariant($"idling {idle} s…"));
        await Task.Delay(TimeSpan.FromSeconds(idle), cancellationToken);
        var wake = Stopwatch.GetTimestamp();
        var woken = (await commands.StartAsync(RunsBenchmark.Request(0, "durable-wake"), cancellationToken)).RunId;
        var firstCall = Interlocked.Read(ref calls);
        await hub.ScheduleAsync(woken);
        await WaitAsync(() => Task.FromResult(Interlocked.Read(ref calls) > firstCall), cancellationToken);
        await output.WriteLineAsync(Invariant($"wake-up after {idle} s idle (schedule -> first step activity): {Stopwatch.GetElapsedTime(wake).TotalMilliseconds,8:F0} ms"));
        return 0;
    }

    private static async Task<bool> IsDoneAsync(LocalTaskHub hub, string runId) =>
        (await hub.GetStatusAsync(runId))?.OrchestrationStatus is OrchestrationStatus.Completed or OrchestrationStatus.Failed or OrchestrationStatus.Terminated;

    private static async Task WaitAsync(Func<Task<bool>> done, CancellationToken cancellationToken)
    {
        while (!await done())
        {
            await Task.Delay(20, cancellationToken);
        }
    }

    private static async Task WaitAllAsync(List<string> ids, Func<string, Task<bool>> done, CancellationToken cancellationToken)
    {
        var left = new List<string>(ids);
        while (left.Count > 0)
        {
            var still = new List<string>();
            foreach (var id in left)
            {
                if (!await done(id))
                {
                    still.Add(id);
                }
            }

            left = still;
            if (left.Count > 0)
            {
                await Task.Delay(250, cancellationToken);
            }
        }
    }

    private static TimeSpan Median(List<TimeSpan> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Counts step-activity executions.</summary>
    private sealed class CountingActivity(ITaskActivity inner, Action counted) : ITaskActivity
    {
        public Type InputType => inner.InputType;

        public Type OutputType => inner.OutputType;

        public Task<object?> RunAsync(TaskActivityContext context, object? input)
        {
            counted();
            return inner.RunAsync(context, input);
        }
    }
}
