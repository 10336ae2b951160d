using System.Diagnostics;
using System.Globalization;
using FunctionAgents.Testing.Crash;

namespace FunctionAgents.Soak.Scenarios;

/// <summary>
/// Issue 17 scenario 1: the crash matrix. Runs of four goals (the demo; another approved email; a rejected one; the
/// smallest budget) in concurrent waves on the real host as a child process, killed (kill -9 of its process tree,
/// never Azurite) when a randomly chosen in-flight run reaches one of its next three step boundaries (the last Seq of
/// an atomic append, learned from the goal's kill-free baseline), and restarted each time.
/// Every run must finish with the status and the exact event sequence of its goal's kill-free baseline (0 lost runs,
/// 0 duplicate or missing Seq), verify, and hold exactly one ticket or email per keyed step dispatched.
/// </summary>
internal sealed class CrashMatrixScenario : IScenario
{
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The soak host's <c>FA_DURABLE_VISIBILITY_TIMEOUT</c> (local default PT20S).</summary>
    private const string VisibilityTimeout = "PT8S";

    public string Name => "crash matrix";

    public async Task<ScenarioResult> RunAsync(SoakEnvironment environment, bool quick, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var (runs, kills, wave) = quick ? (20, 5, 4) : (environment.Scaled(1_000, 4), environment.Scaled(200), 20);
        const string prefix = "soakcrash";
        var data = Directory.CreateTempSubdirectory("fa-soak-crash-");
        try
        {
            await using var host = new CrashableHost(environment.ConnectionString, prefix, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["FA_SWEEP_AFTER"] = "PT2S",
                ["FA_DATA_PATH"] = data.FullName,
                // Soak setting: messages the killed host had dequeued reappear after this instead of the local default 20 s,
                // which was most of each kill's ~20 s recovery (docs/reliability.md, "Crash matrix: where a kill's time goes").
                // Held messages are renewed while their work runs, and a redelivery of running work is what the check catches.
                ["FA_DURABLE_VISIBILITY_TIMEOUT"] = VisibilityTimeout,
            }, environment.Diagnostics.HostLog(prefix));
            var journal = new JournalTable(environment.ConnectionString, prefix + "AgentEvents");
            var effects = new SideEffectTables(environment.ConnectionString, prefix);
            var driver = new RunDriver(host, journal);
            await host.StartAsync(cancellationToken);

            var baselines = await BaselinesAsync(host, driver, journal, effects, cancellationToken);
            if (baselines.Values.FirstOrDefault(b => !b.Audit.Intact) is { } broken)
            {
                return new ScenarioResult(Name, 0, 1, clock.Elapsed, $"a kill-free {broken.Goal.Name} run is not intact: {broken.Audit.Problems[0]}");
            }

            var random = new Random(1217);
            var waves = (runs + wave - 1) / wave;
            var killsPerWave = (kills + waves - 1) / waves;
            var tally = new Tally();
            for (var w = 0; w < waves; w++)
            {
                var goals = new Dictionary<string, CrashGoal>(StringComparer.Ordinal);
                for (var i = w * wave; i < Math.Min(runs, (w + 1) * wave); i++)
                {
                    var goal = CrashGoal.All[i % CrashGoal.All.Count];
                    goals[await driver.StartAsync(goal.Goal, $"soak-crash-{i}", goal.BudgetUsd, cancellationToken)] = goal;
                }

                var decisions = goals.ToDictionary(g => g.Key, g => g.Value.Decision, StringComparer.Ordinal);
                tally.WaveStarted();
                for (var k = 0; k < killsPerWave && tally.Kills < kills; k++)
                {
                    await KillAtRandomBoundaryAsync(host, driver, journal, goals, baselines, decisions, random, tally, cancellationToken);
                }

                var settling = Stopwatch.StartNew();
                await driver.WaitUntilFinishedAsync(decisions, WaitTimeout, cancellationToken);
                tally.Settled(settling.Elapsed);
                await tally.FinishMeasuringAsync();
                foreach (var (runId, goal) in goals)
                {
                    var audit = await RunAudit.CheckAsync(runId, baselines[goal.Name].Audit.Status, journal, effects, host.Client, cancellationToken);
                    var types = (await journal.ReadAsync(runId, cancellationToken)).Select(r => r.EventType).ToList();
                    var same = types.SequenceEqual(baselines[goal.Name].Types);
                    tally.Add(goal, audit, same);
                    if (!audit.Intact || !same)
                    {
                        await environment.DumpRunAsync(Name, prefix, runId, $"{goal.Name}: {(audit.Intact ? "event sequence differs from its kill-free baseline (" + string.Join(", ", baselines[goal.Name].Types) + ")" : audit.Problems[0])}", cancellationToken);
                    }
                }
            }

            return new ScenarioResult(Name, tally.Runs, tally.Failed, clock.Elapsed, tally.Describe(host.Kills));
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static async Task<Dictionary<string, Baseline>> BaselinesAsync(
        CrashableHost host, RunDriver driver, JournalTable journal, SideEffectTables effects, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, CrashGoal>(StringComparer.Ordinal);
        foreach (var goal in CrashGoal.All)
        {
            ids[await driver.StartAsync(goal.Goal, "soak-crash-baseline-" + goal.Name, goal.BudgetUsd, cancellationToken)] = goal;
        }

        var finished = await driver.WaitUntilFinishedAsync(ids.ToDictionary(i => i.Key, i => i.Value.Decision, StringComparer.Ordinal), WaitTimeout, cancellationToken);
        var baselines = new Dictionary<string, Baseline>(StringComparer.Ordinal);
        foreach (var (runId, goal) in ids)
        {
            var audit = await RunAudit.CheckAsync(runId, finished[runId].Status, journal, effects, host.Client, cancellationToken);
            var rows = await journal.ReadAsync(runId, cancellationToken);
            baselines[goal.Name] = new Baseline(goal, audit, rows.Select(r => r.EventType).ToList(), JournalTable.Boundaries(rows));
        }

        return baselines;
    }

    private static async Task KillAtRandomBoundaryAsync(
        CrashableHost host, RunDriver driver, JournalTable journal, Dictionary<string, CrashGoal> goals, Dictionary<string, Baseline> baselines,
        Dictionary<string, string> decisions, Random random, Tally tally, CancellationToken cancellationToken)
    {
        // A run with boundaries still ahead of it, and one of its next three boundaries.
        var candidates = new List<(string RunId, IReadOnlyList<long> Ahead)>();
        foreach (var (runId, goal) in goals)
        {
            var at = await journal.LastSeqAsync(runId, cancellationToken);
            var ahead = baselines[goal.Name].Boundaries.Where(b => b > at).Take(3).ToList();
            if (ahead.Count > 0)
            {
                candidates.Add((runId, ahead));
            }
        }

        if (candidates.Count == 0)
        {
            return;
        }

        var (target, next) = candidates[random.Next(candidates.Count)];
        var seq = next[random.Next(next.Count)];
        if (await driver.WaitForSeqAsync(decisions, target, seq, WaitTimeout, cancellationToken) is null)
        {
            return;
        }

        // The next kill ends the measuring of the last one: a kill never waits for a figure, so the kills land as they
        // would without the breakdown (a wave in flight, not a settled one).
        var cycle = tally.CycleElapsed();
        await tally.FinishMeasuringAsync();
        var clock = Stopwatch.StartNew();
        var logFrom = host.LogFile is { } log && File.Exists(log) ? new FileInfo(log).Length : 0;
        await host.KillAsync();
        var gone = clock.Elapsed;
        var atKill = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var runId in goals.Keys)
        {
            atKill[runId] = await journal.LastSeqAsync(runId, cancellationToken);
        }

        tally.Killed(seq, atKill[target]);
        await host.StartAsync(cancellationToken);
        var restarted = clock.Elapsed;
        tally.StartMeasuring(stop => MeasureRecoveryAsync(host, journal, atKill, target, logFrom, clock, new KillTiming(gone, restarted, null, null, null, cycle), stop), cancellationToken);
    }

    /// <summary>
    /// In the background after a restart, until the next kill or the wave's end (<paramref name="stop"/>) or a minute:
    /// when the new host listens on every partition (its log, from the restart on), when any run of the wave first
    /// appended past its Seq at the kill, and when the killed run did.
    /// </summary>
    private static async Task<KillTiming> MeasureRecoveryAsync(
        CrashableHost host, JournalTable journal, Dictionary<string, long> atKill, string target, long logFrom, Stopwatch clock, KillTiming timing,
        CancellationToken stop)
    {
        const int partitions = 4; // FA_DURABLE_PARTITION_COUNT's default, which the soak host keeps
        try
        {
            while (clock.Elapsed - timing.Restarted < TimeSpan.FromMinutes(1)
                && (timing.FirstProgress is null || timing.KilledRunProgress is null || timing.PartitionsOwned is null))
            {
                if (timing.PartitionsOwned is null && host.LogFile is { } log && PartitionsListening(log, logFrom) >= partitions)
                {
                    timing = timing with { PartitionsOwned = clock.Elapsed };
                }

                foreach (var (runId, seq) in atKill)
                {
                    if ((runId == target ? timing.KilledRunProgress : timing.FirstProgress) is null && await journal.LastSeqAsync(runId, stop) > seq)
                    {
                        timing = timing with
                        {
                            FirstProgress = timing.FirstProgress ?? clock.Elapsed,
                            KilledRunProgress = runId == target ? clock.Elapsed : timing.KilledRunProgress,
                        };
                    }
                }

                await Task.Delay(100, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The next kill or the wave's end came first: what was not seen by then stays "not seen".
        }

        return timing;
    }

    /// <summary>
    /// How many control queues (partitions) the host has started listening on, from its log after byte <paramref name="from"/>:
    /// DTFx logs "Started listening for messages on queue &lt;hub&gt;-control-NN" once it owns a partition, whether it took
    /// a free lease or re-claimed its own (same worker id), and only then dequeues that partition's messages.
    /// </summary>
    private static int PartitionsListening(string log, long from)
    {
        using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(Math.Min(from, stream.Length), SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var queues = new HashSet<string>(StringComparer.Ordinal);
        const string marker = "Started listening for messages on queue ";
        while (reader.ReadLine() is { } line)
        {
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && line.Contains("-control-", StringComparison.Ordinal))
            {
                queues.Add(line[(at + marker.Length)..].TrimEnd('.', ' '));
            }
        }

        return queues.Count;
    }

    private sealed record Baseline(CrashGoal Goal, RunAuditResult Audit, List<string> Types, IReadOnlyList<long> Boundaries);

    private sealed class Tally
    {
        private readonly Dictionary<string, int> _byGoal = new(StringComparer.Ordinal);
        private string? _firstProblem;

        public int Runs { get; private set; }

        public int Failed { get; private set; }

        public int Kills { get; private set; }

        public int KillsExact { get; private set; }

        public int Tickets { get; private set; }

        public int Emails { get; private set; }

        private readonly List<KillTiming> _timings = [];
        private readonly List<TimeSpan> _settles = [];

        private readonly Stopwatch _cycle = Stopwatch.StartNew();
        private Task<KillTiming>? _measuring;
        private CancellationTokenSource? _stopMeasuring;

        public void StartMeasuring(Func<CancellationToken, Task<KillTiming>> measure, CancellationToken cancellationToken)
        {
            _stopMeasuring = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var stop = _stopMeasuring.Token;
            _measuring = Task.Run(() => measure(stop), CancellationToken.None);
        }

        /// <summary>Ends the running measurement (if any), records and prints its breakdown.</summary>
        public async Task FinishMeasuringAsync()
        {
            if (_measuring is null || _stopMeasuring is null)
            {
                return;
            }

            await _stopMeasuring.CancelAsync();
            var timing = await _measuring;
            _stopMeasuring.Dispose();
            (_measuring, _stopMeasuring) = (null, null);
            _timings.Add(timing);
            Console.Error.WriteLine($"  crash matrix: kill {_timings.Count}: {timing.Describe()}");
        }

        /// <summary>The time since the last call (or the start of the wave's kills), restarted.</summary>
        public TimeSpan CycleElapsed()
        {
            var elapsed = _cycle.Elapsed;
            _cycle.Restart();
            return elapsed;
        }

        public void WaveStarted() => _cycle.Restart();

        public void Settled(TimeSpan elapsed) => _settles.Add(elapsed);

        public void Killed(long target, long landed)
        {
            Kills++;
            KillsExact += landed == target ? 1 : 0;
        }

        public void Add(CrashGoal goal, RunAuditResult audit, bool sameEvents)
        {
            Runs++;
            _byGoal[goal.Name] = _byGoal.GetValueOrDefault(goal.Name) + 1;
            Tickets += audit.Tickets;
            Emails += audit.Emails;
            if (!audit.Intact || !sameEvents)
            {
                Failed++;
                _firstProblem ??= $"{goal.Name} run {audit.RunId}: " + (audit.Intact ? "event sequence differs from its kill-free baseline" : audit.Problems[0]);
            }
        }

        public string Describe(int hostKills)
        {
            var goals = string.Join(", ", _byGoal.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Value} {g.Key}")));
            var text = string.Create(
                CultureInfo.InvariantCulture,
                $"{Runs} runs ({goals}), {hostKills} kills ({KillsExact} landed on the chosen boundary, the rest on a later one), {Failed} lost/duplicated/unverified, {Tickets} tickets and {Emails} emails, one per keyed step");
            text += "; " + KillTiming.Summary(_timings) + (_settles.Count == 0 ? string.Empty
                : string.Create(CultureInfo.InvariantCulture, $"; wave settled after its last kill, mean/max {_settles.Average(s => s.TotalSeconds):0.0}/{_settles.Max(s => s.TotalSeconds):0.0} s"));
            return _firstProblem is null ? text : $"{text}; first: {_firstProblem}";
        }
    }
}
