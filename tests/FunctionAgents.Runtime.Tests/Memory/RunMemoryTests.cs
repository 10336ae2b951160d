using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Forensics.Explaining;
using FunctionAgents.Domain.Memory;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Memory;
using FunctionAgents.Runtime.Runs;
using FunctionAgents.Runtime.Tests.Runs.Fakes;
using FunctionAgents.Testing.Stores;
using Microsoft.Extensions.Time.Testing;

namespace FunctionAgents.Runtime.Tests.Memory;

public sealed class RunMemoryTests
{
    private static readonly MemoryOptions OptedIn = new() { LongTermTenants = new HashSet<string>(["tenant-a"], StringComparer.Ordinal) };
    private readonly FakeTimeProvider _clock = new(MemoryTestRuns.Now);
    private readonly InMemoryMemoryStore _store = new();

    [Fact]
    public async Task RecallAsync_LongTermOptedInAllowed_ReturnsMatchingLiveEntriesWithTheirSources()
    {
        // Arrange
        await _store.WriteAsync(MemoryTestRuns.Entry("run-old:7", "Asked: refund for order 1042\nAnswered: approved", _clock.GetUtcNow().AddDays(-2), TimeSpan.FromDays(30)));
        await _store.WriteAsync(MemoryTestRuns.Entry("run-old:9", "Asked: shipping times\nAnswered: five days", _clock.GetUtcNow().AddDays(-2), TimeSpan.FromDays(30)));
        await _store.WriteAsync(MemoryTestRuns.Entry("run-gone:3", "Asked: refund order again", _clock.GetUtcNow().AddDays(-40), TimeSpan.FromDays(30)));

        // Act
        var recalled = await Memory(OptedIn).RecallAsync(Started("long_term", "Can order 1042 get a refund?"));

        // Assert
        Assert.NotNull(recalled);
        Assert.Equal(["Asked: refund for order 1042\nAnswered: approved"], recalled.Items);
        Assert.Equal(["run-old:7 (resolved_question; matched 1042, order, refund)"], recalled.Sources);
    }

    [Fact]
    public async Task RecallAsync_LongTermFromATenantThatDidNotOptIn_RetrievesNothingAndSaysWhy()
    {
        // Arrange
        await _store.WriteAsync(MemoryTestRuns.Entry("run-old:7", "refund for order 1042", _clock.GetUtcNow(), TimeSpan.FromDays(30), tenant: "tenant-b"));

        // Act
        var recalled = await Memory(OptedIn).RecallAsync(Started("long_term", "refund order 1042", tenant: "tenant-b"));

        // Assert
        Assert.Empty(recalled!.Items);
        Assert.StartsWith("not retrieved: long_term memory is not enabled for tenant tenant-b", recalled.Sources[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecallAsync_PolicyDeniesMemoryRead_RetrievesNothingAndNamesThePolicy()
    {
        // Arrange
        await _store.WriteAsync(MemoryTestRuns.Entry("run-old:7", "refund for order 1042", _clock.GetUtcNow(), TimeSpan.FromDays(30)));
        var policy = new StaticPolicy(new Dictionary<string, PolicyAction> { [MemoryTools.Read] = PolicyAction.Deny });

        // Act
        var recalled = await new RunMemory(_store, OptedIn, policy, _clock).RecallAsync(Started("long_term", "refund order 1042"));

        // Assert
        Assert.Empty(recalled!.Items);
        Assert.Contains("policy deny", recalled.Sources[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("none")]
    public async Task RecallAsync_RunOrNoneScope_JournalsNothing(string scope) =>
        Assert.Null(await Memory(OptedIn).RecallAsync(Started(scope, "refund order 1042")));

    [Fact]
    public async Task PlanStep_LongTermRun_JournalsMemoryRetrievedBeforeThePlanAndTheExplainerShowsIt()
    {
        // Arrange
        await _store.WriteAsync(MemoryTestRuns.Entry("run-old:7", "refund for order 1042 approved", _clock.GetUtcNow(), TimeSpan.FromDays(30)));
        var catalog = new FakeCatalog([new FakeTool("lookup")]);
        var activities = new RunActivities(
            new ScriptedPlanner(ScriptedPlanner.Plan(("a", "lookup", "order 1042"))),
            new EchoResponseBuilder(), catalog, new FakeToolRunner(catalog), new StaticPolicy(), _clock, memory: Memory(OptedIn));

        // Act
        var drafts = await activities.PerformAsync(Started("long_term", "refund order 1042"), new RunStep.Plan(), CancellationToken.None);

        // Assert
        Assert.Equal([nameof(MemoryRetrieved), nameof(PlanGenerated)], drafts.Select(d => d.Payload.EventType));
        Assert.Equal(Actors.Memory, drafts[0].Actor);
        Assert.Equal(1, drafts[0].CausationSeq);
        var sealedEvent = EventSealer.Seal(new RunIdentity("run-now", "tenant-a", "c", "t"), 2, EventHasher.GenesisHash, _clock.GetUtcNow(), [drafts[0]])[0];
        Assert.Contains("1 item(s) retrieved", EventExplainer.Explain(sealedEvent).Summary, StringComparison.Ordinal);
        Assert.Contains("run-old:7", EventExplainer.Explain(sealedEvent).Summary, StringComparison.Ordinal);
    }

    private RunMemory Memory(MemoryOptions options) => new(_store, options, new StaticPolicy(), _clock);

    private static RunState Started(string scope, string goal, string tenant = "tenant-a")
    {
        var identity = new RunIdentity("run-now", tenant, "c", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        var started = new RunStarted(goal, 5, 1m, MemoryTestRuns.Now.AddHours(1), "http", null, new Dictionary<string, string> { [MemoryScopes.MetadataKey] = scope });
        return RunEvolver.Fold(EventSealer.Seal(identity, 1, EventHasher.GenesisHash, MemoryTestRuns.Now, [new EventDraft(Actors.Orchestrator, started, null)]));
    }
}
