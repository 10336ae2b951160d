using FunctionAgents.Runtime.Tests.Forensics.Support.Desk;
using FunctionAgents.Domain.Forensics.Invariants;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Tests.Forensics.Invariants;

public sealed class InvariantRegistryTests
{
    [Fact]
    public void CreateDefault_HasTheFourBuiltInsByName()
    {
        // Act
        var registry = InvariantRegistry.CreateDefault();

        // Assert
        Assert.Equal(
            ["no-tool-failure-loop", "budget-respected", "every-executed-tool-was-approved", "no-pii-in-response"],
            registry.All.Select(i => i.Name));
        Assert.Same(registry.All[1], registry.Get("BUDGET-RESPECTED"));
    }

    [Fact]
    public void Get_UnknownName_ListsTheKnownOnes()
    {
        // Arrange
        var registry = InvariantRegistry.CreateDefault();

        // Act
        var ex = Assert.Throws<KeyNotFoundException>(() => registry.Get("no-such"));

        // Assert
        Assert.Contains("budget-respected", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_PluggedInInvariant_IsCheckedWithTheBuiltIns()
    {
        // Arrange
        var registry = InvariantRegistry.CreateDefault().Add(new AtMostSteps(0));

        // Act
        var outcomes = registry.CheckAll(RunState.Empty with { Steps = [] });

        // Assert
        Assert.Equal(5, outcomes.Count);
        Assert.All(outcomes, o => Assert.True(o.Holds, o.Violation));
        Assert.Throws<ArgumentException>(() => registry.Add(new AtMostSteps(1)));
    }

    [Fact]
    public async Task CheckAll_RealisticRun_AllBuiltInsHold()
    {
        // Arrange
        var desk = new SupportDesk();
        var runId = await desk.CompleteRunAsync();

        // Act
        var outcomes = InvariantRegistry.CreateDefault().CheckAll(RunEvolver.Fold(await desk.EventsAsync(runId)));

        // Assert
        Assert.All(outcomes, o => Assert.True(o.Holds, $"{o.Invariant}: {o.Violation}"));
    }

    private sealed class AtMostSteps(int max) : IRunInvariant
    {
        public string Name => "at-most-steps";

        public string Description => "A run executes at most a few steps.";

        public InvariantResult Check(RunState state) =>
            state.StepsExecuted <= max ? InvariantResult.Pass : InvariantResult.Fail($"{state.StepsExecuted} steps executed");
    }
}
