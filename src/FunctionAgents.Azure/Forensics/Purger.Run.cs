using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Forensics.Retention;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Azure.Forensics;

public sealed partial class Purger
{
    private async Task<(RetentionLogEntry? Entry, PurgeSkip? Skip)> PurgeRunAsync(
        RunSummary run, DateTimeOffset cutoff, string purgedBy, string reason, CancellationToken cancellationToken)
    {
        var rows = await _retention.ReadAsync(run.RunId, cancellationToken);
        var events = rows.Events;
        if (events.FirstOrDefault(e => e.OccurredAt >= cutoff) is { } late)
        {
            return (null, new PurgeSkip(run.RunId, run.TenantId, $"its event at Seq {late.Seq} was recorded at {late.OccurredAt:O}, after the cutoff"));
        }

        if (events.FirstOrDefault(e => !string.Equals(e.TenantId, run.TenantId, StringComparison.Ordinal)) is { } foreign)
        {
            return (null, new PurgeSkip(run.RunId, run.TenantId, $"its journal names tenant '{foreign.TenantId}', not '{run.TenantId}' as the index does"));
        }

        var correlationId = events.Count > 0 ? events[0].CorrelationId : run.CorrelationId;
        var started = new RetentionLogEntry(
            run.RunId, run.TenantId, correlationId, run.CreatedAt, events.Count > 0 ? events.Max(e => e.OccurredAt) : run.UpdatedAt,
            rows.RowKeys.Count, 0, purgedBy, _clock.GetUtcNow(), reason, cutoff, PurgeStatus.Started);
        await _log.WriteAsync(started, cancellationToken);

        var days = events.Select(e => DateOnly.FromDateTime(e.OccurredAt.UtcDateTime)).Append(DateOnly.FromDateTime(run.CreatedAt.UtcDateTime)).Distinct();
        var removed = await _retention.RemoveAsync(run, correlationId, days, rows, cancellationToken);

        var completed = started with
        {
            EventsRemoved = removed.EventsRemoved, RowsRemoved = removed.RowsRemoved, PurgedAt = _clock.GetUtcNow(), Status = PurgeStatus.Completed,
        };
        await _log.WriteAsync(completed, cancellationToken);
        return (completed, null);
    }
}
