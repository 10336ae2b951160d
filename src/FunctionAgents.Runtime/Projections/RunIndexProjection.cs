using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Caching;

namespace FunctionAgents.Runtime.Projections;

/// <summary>
/// Keeps the run index row current after appends, whoever wrote them (steps, approvals, cancel, failure). The row is
/// written when a field it serves changes: the status (which covers pending approvals and the finish), the cost at
/// most every <see cref="CostEvery"/> appends, and UpdatedAt at most every <see cref="HeartbeatEvery"/> (the sweeper
/// only takes the row's UpdatedAt as a hint and confirms against the journal). Between writes the row's LastSeq lags
/// the journal, which is safe: readers take it as a lower bound ("the journal holds at least this many events").
/// </summary>
public sealed class RunIndexProjection : IJournalProjection
{
    /// <summary>The cost is rewritten at most every this many appends while the status stays the same.</summary>
    public const int CostEvery = 8;

    /// <summary>UpdatedAt is rewritten at least this often while a run keeps appending without a status change.</summary>
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(30);

    private readonly IRunIndex _index;

    // Per run, what this process last wrote and the last Seq it projected. A write is skipped only when this process
    // projected every event since its own last write (no other writer can have changed the row's served fields).
    private readonly BoundedCache<string, Projected> _projected = new(1024);

    public RunIndexProjection(IRunIndex index) => _index = index;

    /// <summary>
    /// Records that <paramref name="summary"/> (a run about to start, its RunStarted folded) was just listed, so projecting
    /// that same RunStarted writes nothing more.
    /// </summary>
    public void Listed(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        _projected.Set(summary.RunId, new Projected(summary, 0, 0));
    }

    /// <inheritdoc />
    public async Task ProjectAsync(IReadOnlyList<RunEvent> appended, RunState after, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appended);
        ArgumentNullException.ThrowIfNull(after);
        var summary = RunSummary.From(after);
        var firstSeq = appended.Count > 0 ? appended[0].Seq : after.LastSeq;
        if (_projected.TryGet(after.RunId, out var seen) && firstSeq == seen.LastSeq + 1 && !Serves(seen.Written, summary, seen.AppendsSinceWrite + 1))
        {
            _projected.Set(after.RunId, seen with { LastSeq = after.LastSeq, AppendsSinceWrite = seen.AppendsSinceWrite + 1 });
            return;
        }

        await _index.UpsertAsync(summary, cancellationToken);
        _projected.Set(after.RunId, new Projected(summary, after.LastSeq, 0));
    }

    /// <summary>Whether <paramref name="now"/> differs from the written row in a field a reader relies on.</summary>
    private static bool Serves(RunSummary written, RunSummary now, int appendsSinceWrite) =>
        written.Status != now.Status
        || written.TenantId != now.TenantId
        || written.Goal != now.Goal
        || written.CorrelationId != now.CorrelationId
        || written.Source != now.Source
        || written.CreatedAt != now.CreatedAt
        || (written.CostUsd != now.CostUsd && appendsSinceWrite >= CostEvery)
        || now.UpdatedAt - written.UpdatedAt >= HeartbeatEvery;

    private sealed record Projected(RunSummary Written, long LastSeq, int AppendsSinceWrite);
}
