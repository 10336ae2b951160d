using FunctionAgents.Runtime.Tests.Forensics.Support;
using FunctionAgents.Domain.Forensics.Invariants;
using FunctionAgents.Runtime.Forensics.Invariants;

namespace FunctionAgents.Runtime.Tests.Forensics.Invariants;

public sealed class BisectRunsTests
{
    private const string Same = """{"q":"same"}""";

    [Fact]
    public async Task FirstFailingRunAsync_Binary_RegressionFromRun12_ReadsLogarithmicallyManyRuns()
    {
        // Arrange: 20 runs; from the 13th on every run loops on a failing tool.
        var (journal, ids) = await WindowAsync(20, failing: i => i >= 12);

        // Act
        var result = await Bisect.FirstFailingRunAsync(journal, ids, new NoToolFailureLoopInvariant(), RunBisectStrategy.Binary);

        // Assert
        Assert.Equal(ids[12], result.FirstFailingRunId);
        Assert.Equal(11, result.FirstFailure!.FirstFailingSeq);
        Assert.InRange(result.RunsChecked, 1, 1 + (int)Math.Ceiling(Math.Log2(20)));
        Assert.Equal(result.RunsChecked, journal.Reads);
    }

    [Fact]
    public async Task FirstFailingRunAsync_Scan_IntermittentFailures_FindsTheFirst()
    {
        // Arrange
        var (journal, ids) = await WindowAsync(20, failing: i => i is 5 or 12);
        var progress = new List<RunCheck>();

        // Act
        var result = await Bisect.FirstFailingRunAsync(
            journal, ids, new NoToolFailureLoopInvariant(), RunBisectStrategy.Scan, new SynchronousProgress(progress));

        // Assert
        Assert.Equal(ids[5], result.FirstFailingRunId);
        Assert.Equal(6, result.RunsChecked);
        Assert.Equal(6, progress.Count);
        Assert.False(progress[^1].Holds);
    }

    [Fact]
    public async Task FirstFailingRunAsync_NoRunFails_ReportsNone()
    {
        // Arrange
        var (journal, ids) = await WindowAsync(7, failing: _ => false);

        // Act
        var scan = await Bisect.FirstFailingRunAsync(journal, ids, new NoToolFailureLoopInvariant());
        var binary = await Bisect.FirstFailingRunAsync(journal, ids, new NoToolFailureLoopInvariant(), RunBisectStrategy.Binary);

        // Assert
        Assert.Null(scan.FirstFailingRunId);
        Assert.Null(binary.FirstFailingRunId);
        Assert.Equal(7, scan.RunsChecked);
        Assert.Equal(1, binary.RunsChecked);
    }

    private static async Task<(CountingJournal Journal, List<string> Ids)> WindowAsync(int count, Func<int, bool> failing)
    {
        var journal = new CountingJournal();
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var run = new ScriptedRun($"run-{i:D3}", start: ScriptedRun.DefaultStart.AddMinutes(i));
            run.Start();
            run.Plan(("s1", "lookup", Same), ("s2", "lookup", Same));
            foreach (var step in (string[])["s1", "s2"])
            {
                run.Propose(step, "lookup", Same);
                run.Allow(step, "lookup");
                run.Execute(step, "lookup", Same, success: !failing(i));
            }

            await journal.AddRunAsync(run.Events);
            ids.Add(run.Identity.RunId);
        }

        return (journal, ids);
    }

    private sealed class SynchronousProgress(List<RunCheck> seen) : IProgress<RunCheck>
    {
        public void Report(RunCheck value) => seen.Add(value);
    }
}
