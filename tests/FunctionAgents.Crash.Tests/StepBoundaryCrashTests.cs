using System.Diagnostics;
using System.Globalization;
using FunctionAgents.Testing;
using FunctionAgents.Testing.Crash;
using Xunit.Abstractions;

namespace FunctionAgents.Crash.Tests;

/// <summary>
/// Issue 12, "On DTFx + Azurite": the real local host runs as a child process on Azurite and is killed (kill -9 of its
/// process tree; Azurite is never touched) at every step boundary of the demo run, restarted, and the run carried on
/// through the HTTP API like a user would, approving the email when it waits. Black box only: HTTP, the journal table
/// and the side-effect tables, so the same test holds for whichever engine the host runs.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StepBoundaryCrashTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    // A restarted host may first wait for what the dead one held (queue message visibility, partition leases).
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(2);

    // Pass 1 kills at every Seq of a fresh run; pass 2, on another run, retries the Seqs where no kill landed exactly.
    private const int Passes = 2;

    [Fact]
    public async Task DemoRun_HostKilledAtEveryStepBoundary_EveryRunCompletesOnceWithOneTicketAndOneEmail()
    {
        // Arrange
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        var ct = cancel.Token;
        var prefix = "crash" + Guid.NewGuid().ToString("N")[..8];
        var data = Directory.CreateTempSubdirectory("fa-crash-");
        var clock = Stopwatch.StartNew();
        try
        {
            await using var host = new CrashableHost(azurite.ConnectionString, prefix, HostEnvironment(data.FullName));
            var journal = new JournalTable(azurite.ConnectionString, prefix + "AgentEvents");
            var effects = new SideEffectTables(azurite.ConnectionString, prefix);
            var driver = new RunDriver(host, journal);
            var goal = CrashGoal.Demo;
            await host.StartAsync(ct);

            // A run without a kill gives the boundaries to cover (Seq 1..last) and the event sequence every crashed run
            // must end with: same steps, each once.
            var decisions = new Dictionary<string, string>(StringComparer.Ordinal);
            var baselineId = await driver.StartAsync(goal.Goal, "crash-baseline", goal.BudgetUsd, ct);
            decisions[baselineId] = goal.Decision;
            await driver.WaitUntilFinishedAsync(decisions, StepTimeout, ct);
            var baseline = await RunAudit.CheckAsync(baselineId, "completed", journal, effects, host.Client, ct);
            Assert.True(baseline.Intact, string.Join(Environment.NewLine, baseline.Problems));
            Assert.Equal((1, 1), (baseline.Tickets, baseline.Emails));
            var expectedTypes = (await journal.ReadAsync(baselineId, ct)).Select(r => r.EventType).ToList();
            var lastSeq = (long)expectedTypes.Count;

            // Act
            var kills = new List<KillPoint>();
            var audits = new List<(RunAuditResult Audit, IReadOnlyList<string> Types)>();
            for (var pass = 1; pass <= Passes; pass++)
            {
                var targets = Enumerable.Range(1, (int)lastSeq).Select(k => (long)k)
                    .Where(k => !kills.Any(kill => kill.Landed == k)).ToList();
                if (targets.Count == 0)
                {
                    break;
                }

                var runId = await driver.StartAsync(goal.Goal, $"crash-pass-{pass}", goal.BudgetUsd, ct);
                decisions.Clear();
                decisions[runId] = goal.Decision;
                var landed = 0L;
                foreach (var k in targets)
                {
                    if (k <= landed)
                    {
                        // The previous kill landed at or past this boundary.
                        continue;
                    }

                    if (await driver.WaitForSeqAsync(decisions, runId, k, StepTimeout, ct) is null)
                    {
                        break;
                    }

                    // The journal is polled every 15 ms and the kill follows at once, but the host keeps running until the
                    // signal arrives: when it appends again within those few ms (or appended k..k+n as one batch, which
                    // no kill can split), the kill lands a little after k. Each kill records where it really landed.
                    await host.KillAsync();
                    landed = await journal.LastSeqAsync(runId, ct);
                    kills.Add(new KillPoint(pass, runId, k, landed));
                    await host.StartAsync(ct);
                }

                await driver.WaitUntilFinishedAsync(decisions, StepTimeout, ct);
                var audit = await RunAudit.CheckAsync(runId, "completed", journal, effects, host.Client, ct);
                audits.Add((audit, (await journal.ReadAsync(runId, ct)).Select(r => r.EventType).ToList()));
            }

            // Assert
            Report(expectedTypes, kills, audits.Select(a => a.Audit), clock.Elapsed);
            foreach (var (audit, types) in audits)
            {
                Assert.True(audit.Intact, $"{audit.RunId}: {string.Join("; ", audit.Problems)}");
                Assert.Equal((1, 1), (audit.Tickets, audit.Emails));
                Assert.Equal(expectedTypes, types);
            }

            Assert.Equal(host.Kills, kills.Count);
            var uncovered = Enumerable.Range(1, (int)lastSeq).Where(k => !kills.Any(kill => kill.Target <= k && k <= kill.Landed)).ToList();
            Assert.True(uncovered.Count == 0, $"no kill at or just after Seq {string.Join(", ", uncovered)}");
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string> HostEnvironment(string dataPath) => new(StringComparer.Ordinal)
    {
        // A run left behind by a kill is picked up within seconds, not the default two minutes.
        ["FA_SWEEP_AFTER"] = "PT2S",
        // The sample database and the local key-encryption key stay the same across restarts, and private to this test.
        ["FA_DATA_PATH"] = dataPath,
    };

    private void Report(List<string> types, List<KillPoint> kills, IEnumerable<RunAuditResult> audits, TimeSpan elapsed)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kills.Count} kills over {types.Count} boundaries in {elapsed.TotalSeconds:F0} s"));
        foreach (var kill in kills)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"pass {kill.Pass} target Seq {kill.Target,2} ({types[(int)kill.Target - 1]}) -> landed at Seq {kill.Landed,2} ({types[(int)Math.Min(kill.Landed, types.Count) - 1]})"));
        }

        foreach (var audit in audits)
        {
            output.WriteLine($"{audit.RunId}: {audit.Status}, {audit.Events} events, {audit.Tickets} ticket(s), {audit.Emails} email(s), {(audit.Intact ? "intact" : string.Join("; ", audit.Problems))}");
        }
    }

    private sealed record KillPoint(int Pass, string RunId, long Target, long Landed);
}
