using System.Diagnostics;
using System.Globalization;
using FunctionAgents.Testing.Crash;
using CrashApi = FunctionAgents.Testing.Crash.RunApi;

namespace FunctionAgents.Soak.Scenarios;

/// <summary>
/// Issue 27: several workers on one task hub. Three local hosts share one storage prefix (one task hub of 4 partitions,
/// lease interval <see cref="ClusterWorkers.LeaseInterval"/>); runs of the crash matrix's four goals are started
/// round robin through all of them, and a randomly chosen host is killed (SIGKILL) while runs are in flight and started
/// again under a new worker id, so its partitions move only through lease expiry. Every accepted run must finish with
/// its goal's kill-free status and event sequence, verify, and hold exactly one ticket or email per dispatch.
/// Measured: the takeover time after each kill (from the kill until every partition the dead worker owned has another
/// owner in the hub's Partitions table) and the throughput of kill-free batches with 1, 2 and 3 workers.
/// </summary>
internal sealed class ClusterScenario : IScenario
{
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan BalanceTimeout = TimeSpan.FromSeconds(60);

    public string Name => "cluster";

    public async Task<ScenarioResult> RunAsync(SoakEnvironment environment, bool quick, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var (batch, kills, wave) = quick ? (4, 2, 4) : (8, environment.Scaled(10), 4);
        const string prefix = "soakcluster";
        var data = Directory.CreateTempSubdirectory("fa-soak-cluster-");
        try
        {
            await using var workers = new ClusterWorkers(environment.ConnectionString, prefix, data.FullName, size: 3);
            var journal = new JournalTable(environment.ConnectionString, prefix + "AgentEvents");
            var effects = new SideEffectTables(environment.ConnectionString, prefix);
            var tally = new Tally();
            var sequence = 0;

            // Kill-free baselines on one worker: each goal's status and event sequence.
            await workers.StartAsync(0, cancellationToken);
            var baselines = new Dictionary<string, (string Status, List<string> Types)>(StringComparer.Ordinal);
            var baselineRuns = await StartBatchAsync(workers, CrashGoal.All, "soak-cluster-baseline-", () => sequence++, cancellationToken);
            var baselineDone = await WaitFinishedAsync(workers, baselineRuns, cancellationToken);
            foreach (var (runId, goal) in baselineRuns)
            {
                if (!baselineDone.TryGetValue(runId, out var status))
                {
                    return new ScenarioResult(Name, 0, 1, clock.Elapsed, $"the kill-free {goal.Name} run did not finish; {workers.OutputTail()}");
                }

                var audit = await RunAudit.CheckAsync(runId, status, journal, effects, workers.Client(), cancellationToken);
                if (!audit.Intact)
                {
                    return new ScenarioResult(Name, 0, 1, clock.Elapsed, $"a kill-free {goal.Name} run is not intact: {audit.Problems[0]}");
                }

                baselines[goal.Name] = (status, (await journal.ReadAsync(runId, cancellationToken)).Select(r => r.EventType).ToList());
            }

            // Throughput with 1, 2 and 3 workers: the same kill-free batch, timed from the first start to the last finish.
            var throughput = new List<double>();
            var balanced = new List<string>();
            var movesWithoutKill = 0;
            for (var size = 1; size <= workers.Size; size++)
            {
                if (size > 1)
                {
                    await workers.StartAsync(size - 1, cancellationToken);
                    var owners = await workers.WaitBalancedAsync(BalanceTimeout, cancellationToken);
                    balanced.Add(string.Create(CultureInfo.InvariantCulture, $"{size} workers own {owners.Values.Where(o => o.Length > 0).Distinct(StringComparer.Ordinal).Count()} distinct"));
                }

                var goals = Enumerable.Range(0, batch).Select(i => CrashGoal.All[i % CrashGoal.All.Count]).ToList();
                using var batchDone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var watching = CountMovesAsync(workers, batchDone.Token);
                var timer = Stopwatch.StartNew();
                var runs = await StartBatchAsync(workers, goals, "soak-cluster-", () => sequence++, cancellationToken);
                var finished = await WaitFinishedAsync(workers, runs, cancellationToken);
                throughput.Add(runs.Count / timer.Elapsed.TotalSeconds);
                await batchDone.CancelAsync();
                movesWithoutKill += await watching;
                await AuditAsync(workers, journal, effects, runs, finished, baselines, tally, cancellationToken);
            }

            // Chaos: waves of runs through all three hosts, one SIGKILL per wave at a random moment while they run.
            var random = new Random(2717);
            var takeovers = new List<double>();
            var bySurvivor = 0;
            for (var k = 0; k < kills; k++)
            {
                var goals = Enumerable.Range(0, wave).Select(i => CrashGoal.All[(i + k) % CrashGoal.All.Count]).ToList();
                var runs = await StartBatchAsync(workers, goals, "soak-cluster-", () => sequence++, cancellationToken);
                var waiting = WaitFinishedAsync(workers, runs, cancellationToken);
                await Task.Delay(random.Next(300, 2_500), cancellationToken);
                if (waiting.IsCompleted)
                {
                    tally.KilledIdle++;
                }

                if (await KillAndRestartAsync(workers, random, cancellationToken) is { } takeover)
                {
                    takeovers.Add(takeover.Seconds);
                    bySurvivor += takeover.BySurvivor ? 1 : 0;
                }

                await AuditAsync(workers, journal, effects, runs, await waiting, baselines, tally, cancellationToken);
            }

            var detail = string.Create(
                CultureInfo.InvariantCulture,
                $"{tally.Describe(workers.Kills)}; takeover after a kill (kill → every partition of the dead worker owned by another): {Stats(takeovers)} ({bySurvivor} taken by a surviving worker, the rest by the restarted host under its new id); " +
                $"throughput of {batch} kill-free runs with 1/2/3 workers: {string.Join(" / ", throughput.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))} runs/s ({string.Join(", ", balanced)} partition owners; {movesWithoutKill} partition moves between live workers during those batches)");
            return new ScenarioResult(Name, tally.Runs, tally.Failed, clock.Elapsed, detail);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Kills a live worker that owns partitions (any live one if none does yet), restarts it under a new worker id, and
    /// returns the seconds from the kill until every partition it owned has another owner (null when it owned none, or
    /// when that did not happen within the wait timeout).
    /// </summary>
    private static async Task<(double Seconds, bool BySurvivor)?> KillAndRestartAsync(ClusterWorkers workers, Random random, CancellationToken cancellationToken)
    {
        var owners = await workers.OwnersAsync(cancellationToken);
        var live = workers.Live.ToList();
        var owning = live.Where(slot => owners.ContainsValue(workers.WorkerId(slot)!)).ToList();
        var victim = (owning.Count > 0 ? owning : live)[random.Next(owning.Count > 0 ? owning.Count : live.Count)];
        var dead = workers.WorkerId(victim)!;
        var partitions = owners.Where(o => o.Value == dead).Select(o => o.Key).ToList();
        var survivors = live.Where(slot => slot != victim).Select(slot => workers.WorkerId(slot)!).ToList();

        await workers.KillAsync(victim);
        var killed = Stopwatch.StartNew();
        var moved = WaitMovedAsync(workers, dead, partitions, survivors, killed, cancellationToken);
        await workers.StartAsync(victim, cancellationToken);
        return await moved;
    }

    /// <summary>
    /// Counts partition owner changes (a partition released or claimed) until cancelled: with no kill and a balanced
    /// hub there should be none, so a count here means leases lapse between renewals of healthy workers.
    /// </summary>
    private static async Task<int> CountMovesAsync(ClusterWorkers workers, CancellationToken cancellationToken)
    {
        var moves = 0;
        try
        {
            var last = await workers.OwnersAsync(cancellationToken);
            while (true)
            {
                await Task.Delay(250, cancellationToken);
                var now = await workers.OwnersAsync(cancellationToken);
                moves += now.Count(o => last.TryGetValue(o.Key, out var before) && before != o.Value);
                last = now;
            }
        }
        catch (OperationCanceledException)
        {
            return moves;
        }
    }

    private static async Task<(double Seconds, bool BySurvivor)?> WaitMovedAsync(
        ClusterWorkers workers, string dead, List<string> partitions, List<string> survivors, Stopwatch killed, CancellationToken cancellationToken)
    {
        if (partitions.Count == 0)
        {
            return null;
        }

        while (killed.Elapsed < WaitTimeout)
        {
            var owners = await workers.OwnersAsync(cancellationToken);
            if (partitions.All(p => owners.TryGetValue(p, out var owner) && owner.Length > 0 && owner != dead))
            {
                return (killed.Elapsed.TotalSeconds, partitions.Any(p => survivors.Contains(owners[p])));
            }

            await Task.Delay(100, cancellationToken);
        }

        return null;
    }

    private static async Task<Dictionary<string, CrashGoal>> StartBatchAsync(
        ClusterWorkers workers, IReadOnlyList<CrashGoal> goals, string keyPrefix, Func<int> next, CancellationToken cancellationToken)
    {
        var runs = new Dictionary<string, CrashGoal>(StringComparer.Ordinal);
        foreach (var goal in goals)
        {
            var key = keyPrefix + next().ToString(CultureInfo.InvariantCulture);
            while (true)
            {
                try
                {
                    // Round robin: each start goes to the next live host; the Idempotency-Key makes a retry the same run.
                    runs[await CrashApi.StartAsync(workers.Client(), goal.Goal, key, goal.BudgetUsd, cancellationToken)] = goal;
                    break;
                }
                catch (Exception ex) when (IsHostUnavailable(ex, cancellationToken))
                {
                    await Task.Delay(200, cancellationToken);
                }
            }
        }

        return runs;
    }

    /// <summary>Polls every run through the live hosts, deciding approvals, until all finished or the timeout; returns the finished ones' statuses.</summary>
    private static async Task<Dictionary<string, string>> WaitFinishedAsync(
        ClusterWorkers workers, Dictionary<string, CrashGoal> runs, CancellationToken cancellationToken)
    {
        var finished = new Dictionary<string, string>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        while (finished.Count < runs.Count && clock.Elapsed < WaitTimeout)
        {
            foreach (var (runId, goal) in runs.Where(r => !finished.ContainsKey(r.Key)))
            {
                try
                {
                    var client = workers.Client();
                    var status = await CrashApi.GetAsync(client, runId, cancellationToken);
                    if (status.IsFinished)
                    {
                        finished[runId] = status.Status;
                    }
                    else if (status.Status == "awaiting_approval" && status.PendingApproveUris.Count > 0)
                    {
                        await CrashApi.DecideAsync(client, status, goal.Decision, cancellationToken);
                    }
                }
                catch (Exception ex) when (IsHostUnavailable(ex, cancellationToken))
                {
                    // A host killed or restarting: the next look goes to another.
                }
            }

            if (finished.Count < runs.Count)
            {
                await Task.Delay(200, cancellationToken);
            }
        }

        return finished;
    }

    private static async Task AuditAsync(
        ClusterWorkers workers, JournalTable journal, SideEffectTables effects, Dictionary<string, CrashGoal> runs, Dictionary<string, string> finished,
        Dictionary<string, (string Status, List<string> Types)> baselines, Tally tally, CancellationToken cancellationToken)
    {
        foreach (var (runId, goal) in runs)
        {
            if (!finished.ContainsKey(runId))
            {
                tally.Lost(goal, runId, workers.OutputTail());
                continue;
            }

            var baseline = baselines[goal.Name];
            var audit = await RunAudit.CheckAsync(runId, baseline.Status, journal, effects, workers.Client(), cancellationToken);
            var types = (await journal.ReadAsync(runId, cancellationToken)).Select(r => r.EventType).ToList();
            tally.Add(goal, audit, types.SequenceEqual(baseline.Types));
        }
    }

    private static string Stats(List<double> seconds)
    {
        if (seconds.Count == 0)
        {
            return "not observed";
        }

        var sorted = seconds.Order().ToList();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"median {sorted[sorted.Count / 2]:F1} s, min {sorted[0]:F1} s, max {sorted[^1]:F1} s over {sorted.Count} kills");
    }

    private static bool IsHostUnavailable(Exception ex, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && ex is HttpRequestException or TaskCanceledException or InvalidOperationException or ObjectDisposedException;

    private sealed class Tally
    {
        private string? _firstProblem;

        public int Runs { get; private set; }

        public int Failed { get; private set; }

        public int LostRuns { get; private set; }

        public int Tickets { get; private set; }

        public int Emails { get; private set; }

        public int KilledIdle { get; set; }

        public void Lost(CrashGoal goal, string runId, string output)
        {
            Runs++;
            Failed++;
            LostRuns++;
            _firstProblem ??= $"{goal.Name} run {runId} did not finish within {WaitTimeout.TotalMinutes:0} min; {output}";
        }

        public void Add(CrashGoal goal, RunAuditResult audit, bool sameEvents)
        {
            Runs++;
            Tickets += audit.Tickets;
            Emails += audit.Emails;
            if (!audit.Intact || !sameEvents)
            {
                Failed++;
                _firstProblem ??= $"{goal.Name} run {audit.RunId}: " + (audit.Intact ? "event sequence differs from its kill-free baseline" : audit.Problems[0]);
            }
        }

        public string Describe(int kills)
        {
            var text = string.Create(
                CultureInfo.InvariantCulture,
                $"{Runs} runs through 3 hosts on one task hub (4 partitions, lease {ClusterWorkers.LeaseInterval}), {kills} SIGKILLs ({kills - KilledIdle} with runs in flight), {LostRuns} lost, {Failed - LostRuns} duplicated/unverified/other than baseline, {Tickets} tickets and {Emails} emails, one per dispatch");
            return _firstProblem is null ? text : $"{text}; first: {_firstProblem}";
        }
    }
}
