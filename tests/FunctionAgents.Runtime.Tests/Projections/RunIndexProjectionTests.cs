using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Runtime.Tests.Projections;

/// <summary>The run index is written only when a field it serves changes, and never skipped after events it did not see.</summary>
public sealed class RunIndexProjectionTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ProjectAsync_AppendsThatChangeNoServedField_WriteOnce()
    {
        // Arrange
        var index = new CountingIndex();
        var projection = new RunIndexProjection(index);

        // Act: three running appends a second apart, same status and cost
        for (var seq = 1; seq <= 3; seq++)
        {
            await projection.ProjectAsync([Event(seq)], State(seq, RunStatus.Running));
        }

        // Assert
        Assert.Equal([1L], index.Written.Select(s => s.LastSeq));
    }

    [Fact]
    public async Task ProjectAsync_StatusChanges_AreWrittenEachTime()
    {
        var index = new CountingIndex();
        var projection = new RunIndexProjection(index);

        await projection.ProjectAsync([Event(1)], State(1, RunStatus.Running));
        await projection.ProjectAsync([Event(2)], State(2, RunStatus.AwaitingApproval));
        await projection.ProjectAsync([Event(3)], State(3, RunStatus.Running));
        await projection.ProjectAsync([Event(4), Event(5)], State(5, RunStatus.Completed));

        Assert.Equal([(1L, RunStatus.Running), (2, RunStatus.AwaitingApproval), (3, RunStatus.Running), (5, RunStatus.Completed)], index.Written.Select(s => (s.LastSeq, s.Status)));
    }

    [Fact]
    public async Task ProjectAsync_CostChanges_AreWrittenAtMostEveryFewAppends()
    {
        var index = new CountingIndex();
        var projection = new RunIndexProjection(index);

        for (var seq = 1; seq <= 1 + RunIndexProjection.CostEvery; seq++)
        {
            await projection.ProjectAsync([Event(seq)], State(seq, RunStatus.Running) with { CostUsd = seq * 0.01m });
        }

        Assert.Equal([1L, 1 + RunIndexProjection.CostEvery], index.Written.Select(s => s.LastSeq));
        Assert.Equal((1 + RunIndexProjection.CostEvery) * 0.01m, index.Written[^1].CostUsd);
    }

    [Fact]
    public async Task ProjectAsync_AfterEventsAnotherWriterProjected_WritesAgain()
    {
        // Arrange: this process projected Seq 1; another process appended (and projected) Seq 2
        var index = new CountingIndex();
        var projection = new RunIndexProjection(index);
        await projection.ProjectAsync([Event(1)], State(1, RunStatus.Running));

        // Act: this process's next append is Seq 3, same served fields as its own last write
        await projection.ProjectAsync([Event(3)], State(3, RunStatus.Running));

        // Assert: it cannot know what the other writer left in the row, so it writes
        Assert.Equal([1L, 3], index.Written.Select(s => s.LastSeq));
    }

    [Fact]
    public async Task ProjectAsync_SameBatchAgain_WritesAgain()
    {
        // A crash repair re-feeds a batch: the row may be behind, so it is written (an upsert that never regresses)
        var index = new CountingIndex();
        var projection = new RunIndexProjection(index);
        await projection.ProjectAsync([Event(1)], State(1, RunStatus.Running));
        await projection.ProjectAsync([Event(2)], State(2, RunStatus.Running));

        await projection.ProjectAsync([Event(2)], State(2, RunStatus.Running));

        Assert.Equal([1L, 2], index.Written.Select(s => s.LastSeq));
    }

    [Fact]
    public async Task ProjectAsync_RunStartedOfARunJustListed_WritesNothingMore()
    {
        var index = new CountingIndex();
        var projection = new RunIndexProjection(index);
        projection.Listed(RunSummary.From(State(1, RunStatus.Running)));

        await projection.ProjectAsync([Event(1)], State(1, RunStatus.Running));

        Assert.Empty(index.Written);
    }

    [Fact]
    public async Task ProjectAsync_LongQuietStretch_RefreshesUpdatedAt()
    {
        var index = new CountingIndex();
        var projection = new RunIndexProjection(index);
        await projection.ProjectAsync([Event(1)], State(1, RunStatus.Running));

        await projection.ProjectAsync([Event(2)], State(2, RunStatus.Running) with { UpdatedAt = Start + RunIndexProjection.HeartbeatEvery + TimeSpan.FromSeconds(1) });

        Assert.Equal([1L, 2], index.Written.Select(s => s.LastSeq));
    }

    private static RunState State(long seq, RunStatus status) => RunState.Empty with
    {
        RunId = "run-1", TenantId = "t1", CorrelationId = "c1", Goal = "g", Source = "http", Status = status, LastSeq = seq,
        StartedAt = Start, UpdatedAt = Start.AddSeconds(seq),
    };

    private static RunEvent Event(long seq) =>
        new("run-1", seq, "X", "orchestrator", Start.AddSeconds(seq), "t1", "c1", null, string.Empty, 1, "{}", string.Empty, string.Empty);

    private sealed class CountingIndex : IRunIndex
    {
        private readonly InMemoryRunIndex _inner = new();

        public List<RunSummary> Written { get; } = [];

        public Task TryAddAsync(RunSummary summary, CancellationToken cancellationToken = default) => _inner.TryAddAsync(summary, cancellationToken);

        public Task UpsertAsync(RunSummary summary, CancellationToken cancellationToken = default)
        {
            Written.Add(summary);
            return _inner.UpsertAsync(summary, cancellationToken);
        }

        public Task<RunSummary?> GetAsync(string tenantId, string runId, CancellationToken cancellationToken = default) => _inner.GetAsync(tenantId, runId, cancellationToken);

        public Task<RunPage> ListAsync(RunQuery query, CancellationToken cancellationToken = default) => _inner.ListAsync(query, cancellationToken);

        public IAsyncEnumerable<RunSummary> ListByDayAsync(DateOnly day, CancellationToken cancellationToken = default) => _inner.ListByDayAsync(day, cancellationToken);

        public IAsyncEnumerable<RunSummary> ListStaleAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default) =>
            _inner.ListStaleAsync(updatedBefore, cancellationToken);
    }
}
