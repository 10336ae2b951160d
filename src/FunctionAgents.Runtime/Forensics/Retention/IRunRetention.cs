using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Runtime.Forensics.Retention;

/// <summary>
/// The retention port: the one way a run's stored rows leave storage (journal partition, audit rows, checkpoints and
/// run index rows). Appends go through <see cref="Journal.RunAppender"/>; removals of expired runs go through here.
/// </summary>
public interface IRunRetention
{
    /// <summary>The run's stored journal rows: the readable events and the key of every row (planted or damaged ones too).</summary>
    Task<StoredRunRows> ReadAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the run: projections first, the journal rows next and the index rows last, so an interrupted removal
    /// leaves the run listed and the next purge finishes it.
    /// </summary>
    /// <param name="days">The days (UTC) the run's events and creation fall on: the audit partitions to clear.</param>
    Task<RunRemoval> RemoveAsync(
        RunSummary run, string correlationId, IEnumerable<DateOnly> days, StoredRunRows rows, CancellationToken cancellationToken = default);
}

/// <summary>A run's journal rows as stored.</summary>
/// <param name="RowKeys">Every row of the run's journal partition, readable or not.</param>
public sealed record StoredRunRows(IReadOnlyList<RunEvent> Events, IReadOnlyList<string> RowKeys);

/// <summary>What removing one run deleted.</summary>
/// <param name="RowsRemoved">Projection and index rows.</param>
public sealed record RunRemoval(long EventsRemoved, long RowsRemoved);
