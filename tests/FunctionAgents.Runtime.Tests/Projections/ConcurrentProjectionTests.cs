using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Runs;

namespace FunctionAgents.Runtime.Tests.Projections;

/// <summary>
/// After an append the appender feeds its projections at once (a step waits for the slowest write, not their sum), and a
/// projection that fails neither stops the others nor hides its failure.
/// </summary>
public sealed class ConcurrentProjectionTests
{
    [Fact]
    public async Task AppendAsync_FeedsProjectionsConcurrently()
    {
        // Arrange: each projection waits until the other has started; fed one after the other, the first would time out.
        var bothStarted = new Rendezvous(2);
        var first = new WaitingProjection(bothStarted);
        var second = new WaitingProjection(bothStarted);
        var appender = new RunAppender(new InMemoryEventJournal(), new InMemoryRunIndex(), TimeProvider.System, [first, second]);

        // Act
        var outcome = await appender.AppendAsync(Blank("run-concurrent"), [Started()]);

        // Assert
        Assert.Equal(AppendStatus.Appended, outcome.Status);
        Assert.Equal([1L], first.Seen);
        Assert.Equal([1L], second.Seen);
    }

    [Fact]
    public async Task AppendAsync_OneProjectionThrows_OthersStillProjectAndTheFailureSurfaces()
    {
        // Arrange: the failing projection throws before its first await, the other one is slow
        var slow = new WaitingProjection(new Rendezvous(1), delay: TimeSpan.FromMilliseconds(50));
        var journal = new InMemoryEventJournal();
        var appender = new RunAppender(journal, new InMemoryRunIndex(), TimeProvider.System, [new ThrowingProjection(), slow]);

        // Act
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => appender.AppendAsync(Blank("run-failing"), [Started()]));

        // Assert: the append stands, the slow projection finished, the caller sees the failing one's reason
        Assert.Equal("projection down", failure.Message);
        Assert.Equal([1L], slow.Seen);
        Assert.Equal(1, (await RunReader.LoadAsync(journal, "run-failing")).LastSeq);
    }

    private static RunState Blank(string runId) =>
        RunState.Empty with { RunId = runId, TenantId = "tenant-a", CorrelationId = runId, TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" };

    private static EventDraft Started() =>
        new(Actors.Orchestrator, new RunStarted("goal", 5, 1m, new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero), "api", null, null), null);

    /// <summary>Completes once <c>count</c> parties have arrived.</summary>
    private sealed class Rendezvous(int count)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public Task ArriveAsync()
        {
            if (Interlocked.Increment(ref _arrived) == count)
            {
                _all.SetResult();
            }

            return _all.Task.WaitAsync(TimeSpan.FromSeconds(5));
        }
    }

    private sealed class WaitingProjection(Rendezvous rendezvous, TimeSpan delay = default) : IJournalProjection
    {
        public List<long> Seen { get; } = [];

        public async Task ProjectAsync(IReadOnlyList<RunEvent> appended, RunState after, CancellationToken cancellationToken = default)
        {
            await rendezvous.ArriveAsync();
            await Task.Delay(delay, cancellationToken);
            lock (Seen)
            {
                Seen.AddRange(appended.Select(e => e.Seq));
            }
        }
    }

    private sealed class ThrowingProjection : IJournalProjection
    {
        public Task ProjectAsync(IReadOnlyList<RunEvent> appended, RunState after, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("projection down");
    }
}
