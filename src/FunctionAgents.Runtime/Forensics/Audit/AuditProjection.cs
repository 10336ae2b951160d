using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Runtime.Forensics.Audit;

/// <summary>
/// Turns each appended batch's action events (run start and end, plans, model calls, policy and human decisions, tool
/// executions, the final answer, budget stops) into <see cref="AuditEntry"/> rows for an <see cref="IAuditWriter"/>.
/// Idempotent, and rebuildable from the journal with <see cref="FromRun"/>.
/// </summary>
public sealed partial class AuditProjection : IJournalProjection
{
    private readonly IAuditWriter _writer;

    public AuditProjection(IAuditWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
    }

    public async Task ProjectAsync(IReadOnlyList<RunEvent> appended, RunState after, CancellationToken cancellationToken = default)
    {
        var entries = ToEntries(appended, after);
        if (entries.Count > 0)
        {
            await _writer.WriteAsync(entries, cancellationToken);
        }
    }

    /// <summary>The audit rows of one appended batch; <paramref name="after"/> is the run's state after the batch (it names the tool and approval of a step).</summary>
    public static IReadOnlyList<AuditEntry> ToEntries(IReadOnlyList<RunEvent> appended, RunState after)
    {
        ArgumentNullException.ThrowIfNull(appended);
        ArgumentNullException.ThrowIfNull(after);
        var context = new BatchContext();
        var entries = new List<AuditEntry>();
        foreach (var e in appended)
        {
            if (Map(e, after, context) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>
    /// The audit rows of a whole run, for rebuilding the projection from the journal. Consecutive events with the same
    /// time are one batch (an append seals a batch with one engine-clock reading), so the rows equal the projected ones.
    /// </summary>
    public static IReadOnlyList<AuditEntry> FromRun(IReadOnlyList<RunEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var entries = new List<AuditEntry>();
        var state = RunState.Empty;
        var start = 0;
        while (start < events.Count)
        {
            var end = start + 1;
            while (end < events.Count && events[end].OccurredAt == events[start].OccurredAt)
            {
                end++;
            }

            var batch = events.Skip(start).Take(end - start).ToList();
            state = batch.Aggregate(state, RunEvolver.Evolve);
            entries.AddRange(ToEntries(batch, state));
            start = end;
        }

        return entries;
    }
}
