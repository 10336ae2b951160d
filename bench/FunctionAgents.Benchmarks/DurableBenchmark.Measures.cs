using System.Collections.Concurrent;
using System.Diagnostics;

namespace FunctionAgents.Benchmarks;

internal sealed partial class DurableBenchmark
{
    /// <summary>
    /// Sequential runs, ours then bare: wall time per activity, storage requests by category (to start a run, per step),
    /// time inside our step activities and in our storage requests, and this process's and Azurite's CPU per activity.
    /// </summary>
    private static async Task<Sequential> SequentialAsync(int r, Settings settings, OurSide ours, BareChain bare, CancellationToken cancellationToken)
    {
        var ourTimes = new List<TimeSpan>();
        var activities = 0;
        long steps = 0, allActivities = 0;
        var startCategories = new Dictionary<string, (long Count, TimeSpan Elapsed)>(StringComparer.Ordinal);
        var stepCategories = new Dictionary<string, (long Count, TimeSpan Elapsed)>(StringComparer.Ordinal);
        var startWall = TimeSpan.Zero;
        var insideBefore = Interlocked.Read(ref s_ourInsideTicks);
        var busyDuringRuns = TimeSpan.Zero;
        var (clientBefore, serverBefore) = ours.Cpu.Sample();
        var ourWall = Stopwatch.GetTimestamp();
        for (var i = 0; i < settings.ProbeRuns; i++)
        {
            var beforeStart = ours.Requests.Snapshot();
            var start = Stopwatch.GetTimestamp();
            var runId = (await ours.Commands.StartAsync(RunsBenchmark.Request(i, $"probe{r}"), cancellationToken)).RunId;
            startWall += Stopwatch.GetElapsedTime(start);
            var beforeRun = ours.Requests.Snapshot();
            var busyBefore = ours.Requests.Busy;
            RequestCountingPolicy.Accumulate(startCategories, RequestCountingPolicy.Difference(beforeStart, beforeRun));
            var calls = Interlocked.Read(ref s_ourActivities);
            var done = Interlocked.Read(ref s_ourCompleted);
            await ours.Hub.ScheduleAsync(runId);
            await WaitAsync(() => Interlocked.Read(ref s_ourCompleted) > done, cancellationToken);
            var stepCalls = Interlocked.Read(ref s_ourActivities) - calls;
            busyDuringRuns += ours.Requests.Busy - busyBefore;
            RequestCountingPolicy.Accumulate(stepCategories, RequestCountingPolicy.Difference(beforeRun, ours.Requests.Snapshot()));

            // Step activities plus the orchestrator's initial journal read.
            activities = (int)stepCalls + 1;
            steps += stepCalls;
            allActivities += activities;
            ourTimes.Add(Stopwatch.GetElapsedTime(start) / activities);
        }

        var ourElapsed = Stopwatch.GetElapsedTime(ourWall);
        var (clientMid, serverMid) = ours.Cpu.Sample();
        var inside = TimeSpan.FromTicks(Interlocked.Read(ref s_ourInsideTicks) - insideBefore);

        var bareTimes = new List<TimeSpan>();
        var bareRequests = bare.Requests.Requests;
        var bareWall = Stopwatch.GetTimestamp();
        for (var i = 0; i < settings.ProbeRuns; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var done = BareChain.Completed;
            await bare.ScheduleAsync($"bare-probe{r}-{i}", activities);
            await WaitAsync(() => BareChain.Completed > done, cancellationToken);
            bareTimes.Add(Stopwatch.GetElapsedTime(start) / activities);
        }

        var bareElapsed = Stopwatch.GetElapsedTime(bareWall);
        var (clientAfter, serverAfter) = ours.Cpu.Sample();
        var bareActivities = settings.ProbeRuns * activities;
        var bareActivityRequests = (double)(bare.Requests.Requests - bareRequests) / bareActivities;
        var profile = new Profile(
            Runs: settings.ProbeRuns,
            Steps: steps,
            Activities: allActivities,
            StartWall: startWall / settings.ProbeRuns,
            Inside: inside,
            StorageBusy: busyDuringRuns,
            OurCpu: clientMid - clientBefore,
            OurAzuriteCpu: serverMid - serverBefore,
            OurElapsed: ourElapsed,
            BareActivities: bareActivities,
            BareCpu: clientAfter - clientMid,
            BareAzuriteCpu: serverAfter - serverMid,
            BareElapsed: bareElapsed,
            Start: startCategories,
            Step: stepCategories);
        return new Sequential(
            Median(ourTimes), Median(bareTimes), activities,
            (double)stepCategories.Values.Sum(v => v.Count) / steps, (double)startCategories.Values.Sum(v => v.Count) / settings.ProbeRuns,
            bareActivityRequests, profile);
    }

    /// <summary>
    /// Runs in flight: all scheduled (a few at a time), timed until the last orchestration's final episode; each run's
    /// completion latency (start or schedule to its final episode) gives the p50 and p95.
    /// </summary>
    private static async Task<Load> LoadAsync(int r, Settings settings, OurSide ours, BareChain bare, int activities, CancellationToken cancellationToken)
    {
        var done = Interlocked.Read(ref s_ourCompleted);
        var ourIds = new ConcurrentBag<string>();
        var elapsed = await TimeUntilAsync(
            settings,
            async (_, i) =>
            {
                var started = Stopwatch.GetTimestamp();
                var runId = (await ours.Commands.StartAsync(RunsBenchmark.Request(i, $"load{r}"), cancellationToken)).RunId;
                CompletionLatencies.Started(runId, started);
                ourIds.Add(runId);
                await ours.Hub.ScheduleAsync(runId);
            },
            () => Interlocked.Read(ref s_ourCompleted) - done >= settings.Runs,
            cancellationToken);
        var bareDone = BareChain.Completed;
        var bareIds = new ConcurrentBag<string>();
        var bareElapsed = await TimeUntilAsync(
            settings,
            (_, i) =>
            {
                var instanceId = $"bare-load{r}-{i}";
                CompletionLatencies.Started(instanceId, Stopwatch.GetTimestamp());
                bareIds.Add(instanceId);
                return bare.ScheduleAsync(instanceId, activities);
            },
            () => BareChain.Completed - bareDone >= settings.Runs,
            cancellationToken);
        var (ourP50, ourP95) = CompletionLatencies.Percentiles(ourIds);
        var (bareP50, bareP95) = CompletionLatencies.Percentiles(bareIds);
        return new Load(
            settings.Runs / elapsed.TotalSeconds, elapsed.TotalSeconds, settings.Runs / bareElapsed.TotalSeconds, bareElapsed.TotalSeconds,
            ourP50, ourP95, bareP50, bareP95);
    }

    /// <summary>
    /// Nothing scheduled for the idle time, then one run: schedule to the start of its second activity (ours: the first step
    /// after ReadRun), ours then bare, each after its own idle.
    /// </summary>
    private static async Task<Wake> WakeAsync(int r, Settings settings, OurSide ours, BareChain bare, int activities, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"[{r}] idling {settings.Idle} s (ours)…");
        var runId = (await ours.Commands.StartAsync(RunsBenchmark.Request(r, $"wake{r}"), cancellationToken)).RunId;
        await Task.Delay(TimeSpan.FromSeconds(settings.Idle), cancellationToken);
        var calls = Interlocked.Read(ref s_ourActivities);
        var done = Interlocked.Read(ref s_ourCompleted);
        var start = Stopwatch.GetTimestamp();
        await ours.Hub.ScheduleAsync(runId);
        await WaitAsync(() => Interlocked.Read(ref s_ourActivities) > calls, cancellationToken);
        var ourWake = Stopwatch.GetElapsedTime(start);
        await WaitAsync(() => Interlocked.Read(ref s_ourCompleted) > done, cancellationToken);

        await output.WriteLineAsync($"[{r}] idling {settings.Idle} s (bare)…");
        await Task.Delay(TimeSpan.FromSeconds(settings.Idle), cancellationToken);
        var bareCalls = BareChain.Activities;
        var bareDone = BareChain.Completed;
        start = Stopwatch.GetTimestamp();
        await bare.ScheduleAsync($"bare-wake{r}", activities);
        // Our first step activity is the orchestration's second (after ReadRun): wait for the bare chain's second too.
        await WaitAsync(() => BareChain.Activities > bareCalls + 1, cancellationToken);
        var bareWake = Stopwatch.GetElapsedTime(start);
        await WaitAsync(() => BareChain.Completed > bareDone, cancellationToken);
        return new Wake(ourWake, bareWake);
    }

    private static async Task<TimeSpan> TimeUntilAsync(Settings settings, Func<int, int, Task> schedule, Func<bool> finished, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        await Measurement.RunAsync(settings.Runs, settings.Concurrency, schedule);
        await WaitAsync(() => finished(), cancellationToken);
        return Stopwatch.GetElapsedTime(start);
    }

    private static async Task WaitAsync(Func<bool> done, CancellationToken cancellationToken)
    {
        while (!done())
        {
            await Task.Delay(5, cancellationToken);
        }
    }

    private static TimeSpan Median(List<TimeSpan> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
