using FunctionAgents.Domain.Events;

namespace FunctionAgents.Runtime.Journal;

/// <summary>
/// The append-only, hash-chained record of every run. A run's state is a fold over what this returns.
/// </summary>
public interface IEventJournal
{
    /// <summary>
    /// Appends <paramref name="events"/> atomically (all or nothing) at Seq <paramref name="expectedNextSeq"/>, +1, … .
    /// Appending the very same events again is a no-op success; different events at a taken Seq throw
    /// <see cref="JournalConflictException"/> and write nothing. At most <see cref="MaxEventsPerAppend"/> events per call.
    /// </summary>
    Task AppendAsync(string runId, long expectedNextSeq, IReadOnlyList<RunEvent> events, CancellationToken cancellationToken = default);

    /// <summary>The run's events with <paramref name="fromSeq"/> &lt;= Seq &lt;= <paramref name="toSeq"/>, in order, streamed.</summary>
    IAsyncEnumerable<RunEvent> ReadAsync(string runId, long fromSeq = 1, long toSeq = long.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>Recomputes the run's hash chain from what is stored and names the first Seq where it breaks.</summary>
    Task<ChainVerification> VerifyChainAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>The most events one append may carry (one entity group transaction).</summary>
    public const int MaxEventsPerAppend = 100;
}
