using FunctionAgents.Runtime.Tests.Forensics.Support;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Forensics.Invariants;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Forensics.Invariants;

namespace FunctionAgents.Runtime.Tests.Forensics.Invariants;

public sealed class BisectTests
{
    private const int Steps = 199;

    /// <summary>
    /// Exactly 1,000 events: RunStarted, a 199-step plan, five events per step (proposed, approved, executed, observed,
    /// costed) and the answer plus RunCompleted. Step k's ObservationCaptured is at Seq 6 + 5(k - 1).
    /// </summary>
    private static ScriptedRun ThousandEventRun(int loopAtStep = 0, int deniedButRunAtStep = 0, string runId = "run-long")
    {
        var run = new ScriptedRun(runId);
        run.Start(budgetUsd: 5m);
        string Input(int k) => loopAtStep > 0 && (k == loopAtStep - 1 || k == loopAtStep) ? """{"q":"same"}""" : $$"""{"q":"question {{k}}"}""";
        run.Plan([.. Enumerable.Range(1, Steps).Select(k => ($"s{k}", "lookup", Input(k)))]);
        for (var k = 1; k <= Steps; k++)
        {
            run.Propose($"s{k}", "lookup", Input(k));
            if (k == deniedButRunAtStep)
            {
                run.Deny($"s{k}", "lookup");
            }
            else
            {
                run.Allow($"s{k}", "lookup");
            }

            run.Execute($"s{k}", "lookup", Input(k), success: loopAtStep == 0 || (k != loopAtStep - 1 && k != loopAtStep), cost: 0.001m);
        }

        run.Add(new ResponseDrafted("done", [], "offline"));
        run.Add(new ResponseFinalized("done"));
        run.Add(new RunCompleted(Steps, 0, 0.199m, null));
        return run;
    }

    [Fact]
    public void ThousandEventRun_HasExactlyOneThousandEvents()
    {
        // Act
        var run = ThousandEventRun();

        // Assert
        Assert.Equal(1000, run.Events.Count);
        Assert.Equal(nameof(ObservationCaptured), run.Events[(int)(6 + (5 * 120)) - 1].Type);
    }

    [Fact]
    public async Task FirstFailingSeqAsync_ThousandEvents_FindsTheExactSeqWithOneReadAndLogarithmicChecks()
    {
        // Arrange: steps 120 and 121 fail with the same input; the loop exists from step 121's observation on.
        var journal = new CountingJournal();
        await journal.AddRunAsync(ThousandEventRun(loopAtStep: 121).Events);
        var expectedSeq = 6 + (5 * 120);

        // Act
        var result = await Bisect.FirstFailingSeqAsync(journal, "run-long", new NoToolFailureLoopInvariant());

        // Assert
        Assert.Equal(expectedSeq, result.FirstFailingSeq);
        Assert.Contains("step s120 and step s121", result.Violation, StringComparison.Ordinal);
        Assert.Equal(1, journal.Reads);
        Assert.Equal(1, result.JournalReads);
        Assert.Equal(1000, result.Events);
        Assert.InRange(result.Checks, 1, 1 + (int)Math.Ceiling(Math.Log2(1000)));
        Assert.InRange(result.Evolves, 1000, 2 * 1000);
    }

    [Fact]
    public void FirstFailingSeq_AgreesWithALinearScanThatNeedsFarMoreChecks()
    {
        // Arrange
        var run = ThousandEventRun(deniedButRunAtStep: 150);
        var invariant = new EveryExecutedToolApprovedInvariant();

        // Act
        var bisected = Bisect.FirstFailingSeq("run-long", run.Events, invariant);
        var scanned = Bisect.ScanFirstFailingSeq("run-long", run.Events, invariant);

        // Assert: the ToolExecuted of step 150 (Seq 5 + 5 * 149) is the first version that breaks it.
        Assert.Equal(5 + (5 * 149), bisected.FirstFailingSeq);
        Assert.Equal(scanned.FirstFailingSeq, bisected.FirstFailingSeq);
        Assert.Equal(scanned.FirstFailingSeq, scanned.Checks);
        Assert.True(bisected.Checks <= 11, $"{bisected.Checks} checks");
    }

    [Fact]
    public void FirstFailingSeq_EveryPossibleFailurePosition_IsFoundExactly()
    {
        // Arrange
        var run = ThousandEventRun();
        var invariant = new AtLeastEvents();

        // Act + Assert: an invariant that fails from Seq n on is found at n, for every n.
        for (var n = 1; n <= run.Events.Count; n += 37)
        {
            invariant.FailFrom = n;
            var result = Bisect.FirstFailingSeq("run-long", run.Events, invariant);
            Assert.Equal(n, result.FirstFailingSeq);
        }
    }

    [Fact]
    public void FirstFailingSeq_InvariantHolds_OneCheckAndNoSeq()
    {
        // Arrange
        var run = ThousandEventRun();

        // Act
        var result = Bisect.FirstFailingSeq("run-long", run.Events, new NoToolFailureLoopInvariant());

        // Assert
        Assert.False(result.Fails);
        Assert.Equal(1, result.Checks);
        Assert.Equal(1000, result.Evolves);
    }

    [Fact]
    public async Task FirstFailingSeqAsync_UnknownRun_HoldsTrivially()
    {
        // Act
        var result = await Bisect.FirstFailingSeqAsync(new CountingJournal(), "run-none", new BudgetRespectedInvariant());

        // Assert
        Assert.False(result.Fails);
        Assert.Equal(0, result.Events);
    }

    /// <summary>Fails from a chosen Seq on: the simplest prefix-monotonic invariant.</summary>
    private sealed class AtLeastEvents : IRunInvariant
    {
        public long FailFrom { get; set; }

        public string Name => "fails-from";

        public string Description => "Fails from a chosen Seq on.";

        public InvariantResult Check(RunState state) =>
            state.LastSeq >= FailFrom ? InvariantResult.Fail($"at {state.LastSeq}") : InvariantResult.Pass;
    }
}
