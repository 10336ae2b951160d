using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
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

    // Pass 1 kills a fresh run at every boundary; a later pass, on another fresh run, kills again only at the boundaries
    // where no kill has landed yet (the host had already appended the next step when the kill arrived).
    private const int Passes = 3;

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

            // A run without a kill gives the step boundaries to cover and the event sequence every crashed run must end
            // with: the same steps, each once.
            var decisions = new Dictionary<string, string>(StringComparer.Ordinal);
            var baselineId = await driver.StartAsync(goal.Goal, "crash-baseline", goal.BudgetUsd, ct);
            decisions[baselineId] = goal.Decision;
            await driver.WaitUntilFinishedAsync(decisions, StepTimeout, ct);
            var baseline = await RunAudit.CheckAsync(baselineId, "completed", journal, effects, host.Client, ct);
            Assert.True(baseline.Intact, string.Join(Environment.NewLine, baseline.Problems));
            Assert.Equal((1, 1), (baseline.Tickets, baseline.Emails));
            var baselineRows = await journal.ReadAsync(baselineId, ct);
            var expectedTypes = baselineRows.Select(r => r.EventType).ToList();
            var boundaries = JournalTable.Boundaries(baselineRows);

            // Act: kill as soon as each boundary's Seq is in the journal, restart, carry on.
            var kills = new List<KillPoint>();
            var audits = new List<(RunAuditResult Audit, List<string> Types)>();
            for (var pass = 1; pass <= Passes; pass++)
            {
                var targets = boundaries.Where(b => !kills.Any(kill => kill.Landed == b)).ToList();
                if (targets.Count == 0)
                {
                    break;
                }

                var runId = await driver.StartAsync(goal.Goal, $"crash-pass-{pass}", goal.BudgetUsd, ct);
                decisions.Clear();
                decisions[runId] = goal.Decision;
                var landed = 0L;
                foreach (var target in targets)
                {
                    if (target <= landed || await driver.WaitForSeqAsync(decisions, runId, target, StepTimeout, ct) is null)
                    {
                        continue;
                    }

                    // The journal is polled every 15 ms and the kill follows at once, so it lands within a few ms of the
                    // append that completed the boundary. When the host appends the next step within those ms, the kill
                    // lands one boundary later; each kill records where it really landed, and the next pass tries again.
                    await host.KillAsync();
                    landed = await journal.LastSeqAsync(runId, ct);
                    kills.Add(new KillPoint(pass, target, landed));
                    await host.StartAsync(ct);
                }

                await driver.WaitUntilFinishedAsync(decisions, StepTimeout, ct);
                var audit = await RunAudit.CheckAsync(runId, "completed", journal, effects, host.Client, ct);
                audits.Add((audit, (await journal.ReadAsync(runId, ct)).Select(r => r.EventType).ToList()));
            }

            // Assert
            Report(expectedTypes, boundaries, kills, [baseline, .. audits.Select(a => a.Audit)], clock.Elapsed);
            foreach (var (audit, types) in audits)
            {
                Assert.True(audit.Intact, $"{audit.RunId}: {string.Join("; ", audit.Problems)}");
                Assert.Equal((1, 1), (audit.Tickets, audit.Emails));
                Assert.Equal(expectedTypes, types);
            }

            Assert.Equal(host.Kills, kills.Count);
            Assert.All(kills, kill => Assert.Contains(kill.Landed, boundaries));
            var missed = boundaries.Where(b => !kills.Any(kill => kill.Landed == b)).ToList();
            Assert.True(missed.Count == 0, $"no kill landed on boundary Seq {string.Join(", ", missed)} in {Passes} runs");

            // The audit is not vacuous: a second ticket for the run, as a redone step would leave, is reported.
            await new TableClient(azurite.ConnectionString, prefix + "Tickets")
                .AddEntityAsync(new TableEntity(baselineId + ":999", "ticket") { ["RunId"] = baselineId }, ct);
            var tampered = await RunAudit.CheckAsync(baselineId, "completed", journal, effects, host.Client, ct);
            Assert.Contains(tampered.Problems, p => p.StartsWith("create_ticket:", StringComparison.Ordinal));
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

    private void Report(List<string> types, IReadOnlyList<long> boundaries, List<KillPoint> kills, IEnumerable<RunAuditResult> audits, TimeSpan elapsed)
    {
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{kills.Count} kills, {types.Count} events, step boundaries at Seq {string.Join(", ", boundaries)}, {elapsed.TotalSeconds:F0} s"));
        foreach (var kill in kills)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"pass {kill.Pass} kill at boundary Seq {kill.Target,2} ({types[(int)kill.Target - 1]}) -> landed at Seq {kill.Landed,2} ({types[(int)Math.Min(kill.Landed, types.Count) - 1]})"));
        }

        foreach (var audit in audits)
        {
            output.WriteLine($"{audit.RunId}: {audit.Status}, {audit.Events} events, {audit.Tickets} ticket(s), {audit.Emails} email(s), {(audit.Intact ? "intact" : string.Join("; ", audit.Problems))}");
        }
    }

    private sealed record KillPoint(int Pass, long Target, long Landed);
}
