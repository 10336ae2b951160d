using FunctionAgents.Domain.Memory;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Runtime.Memory;
using FunctionAgents.Runtime.Tests.Runs.Fakes;
using FunctionAgents.Testing.Stores;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FunctionAgents.Runtime.Tests.Memory;

public sealed class MemoryWriterTests
{
    private static readonly MemoryOptions OptedIn = new()
    {
        LongTermTenants = new HashSet<string>(["tenant-a"], StringComparer.Ordinal),
        TenantTtl = new Dictionary<string, TimeSpan>(StringComparer.Ordinal) { ["tenant-a"] = TimeSpan.FromDays(7) },
    };

    private readonly FakeTimeProvider _clock = new(MemoryTestRuns.Now);
    private readonly InMemoryMemoryStore _store = new();

    [Fact]
    public async Task ProjectAsync_FinishedLongTermRun_KeepsRedactedFactsNamingTheirSource()
    {
        // Arrange
        var run = MemoryTestRuns.Finished();

        // Act
        await Writer(new StaticPolicy()).ProjectAsync(run.Events.TakeLast(1).ToList(), run.State);

        // Assert
        var entries = await _store.ListLiveAsync("tenant-a", _clock.GetUtcNow());
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal("run-memory", e.SourceRunId);
            Assert.DoesNotContain("anna", e.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Schmidt", e.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("2345", e.Text, StringComparison.Ordinal);
            Assert.Equal(_clock.GetUtcNow().AddDays(7), e.ExpiresAt);
        });
        var answer = entries.Single(e => e.Kind == "resolved_question");
        Assert.Equal(run.State.SeqOf("ResponseFinalized"), answer.SourceSeq);
        Assert.Equal("Asked: Refund order 1042 for [email]\nAnswered: [name], your refund for order 1042 is on its way; we call [phone] if needed.", answer.Text);
        Assert.StartsWith("Ticket T-77 opened", entries.Single(e => e.Kind == "ticket").Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("none")]
    public async Task ProjectAsync_RunNotLongTerm_KeepsNothing(string scope)
    {
        // Arrange
        var run = MemoryTestRuns.Finished(scope);

        // Act
        await Writer(new StaticPolicy()).ProjectAsync(run.Events.TakeLast(1).ToList(), run.State);

        // Assert
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    public async Task ProjectAsync_TenantNotOptedIn_KeepsNothing()
    {
        // Arrange
        var run = MemoryTestRuns.Finished();
        var writer = new MemoryWriter(_store, new MemoryOptions(), new StaticPolicy(), _clock, NullLogger<MemoryWriter>.Instance);

        // Act
        await writer.ProjectAsync(run.Events.TakeLast(1).ToList(), run.State);

        // Assert
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    public async Task ProjectAsync_PolicyDeniesMemoryWrite_KeepsNothing()
    {
        // Arrange
        var run = MemoryTestRuns.Finished();

        // Act
        await Writer(new StaticPolicy(new Dictionary<string, PolicyAction> { [MemoryTools.Write] = PolicyAction.Deny })).ProjectAsync(run.Events.TakeLast(1).ToList(), run.State);

        // Assert
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    public async Task ProjectAsync_BatchWithoutRunCompleted_KeepsNothing()
    {
        // Arrange
        var run = MemoryTestRuns.Finished();

        // Act
        await Writer(new StaticPolicy()).ProjectAsync(run.Events.Take(1).ToList(), run.State);

        // Assert
        Assert.Equal(0, _store.Count);
    }

    private MemoryWriter Writer(StaticPolicy policy) => new(_store, OptedIn, policy, _clock, NullLogger<MemoryWriter>.Instance);
}
