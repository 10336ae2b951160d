using System.Diagnostics;
using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Journal;

namespace FunctionAgents.Runtime.Telemetry;

/// <summary>
/// Wraps a journal with a span per append (its Seq range, run id, tenant, correlation id), the append latency
/// histogram and the conflict (409) counter. Reads and verification pass straight through.
/// </summary>
public sealed class InstrumentedEventJournal : IEventJournal
{
    private readonly IEventJournal _inner;

    /// <param name="inner">The journal that stores the events.</param>
    public InstrumentedEventJournal(IEventJournal inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <summary>The wrapped journal.</summary>
    public IEventJournal Inner => _inner;

    /// <inheritdoc />
    public async Task AppendAsync(string runId, long expectedNextSeq, IReadOnlyList<RunEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        using var activity = FaTelemetry.Source.StartActivity(SpanNames.JournalAppend, ActivityKind.Client);
        if (activity is not null && events.Count > 0)
        {
            RunTelemetry.TagRun(activity, runId, events[0].TenantId, events[0].CorrelationId);
            activity.SetTag(TelemetryTags.FirstSeq, events[0].Seq);
            activity.SetTag(TelemetryTags.LastSeq, events[^1].Seq);
        }

        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            await _inner.AppendAsync(runId, expectedNextSeq, events, cancellationToken);
        }
        catch (JournalConflictException ex)
        {
            outcome = "conflict";
            FaMetrics.JournalConflicts.Add(1);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
        catch (Exception ex)
        {
            outcome = "error";
            RunTelemetry.Fail(activity, ex);
            throw;
        }
        finally
        {
            FaMetrics.JournalAppendDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>(TelemetryTags.Outcome, outcome));
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<RunEvent> ReadAsync(string runId, long fromSeq = 1, long toSeq = long.MaxValue, CancellationToken cancellationToken = default) =>
        _inner.ReadAsync(runId, fromSeq, toSeq, cancellationToken);

    /// <inheritdoc />
    public Task<ChainVerification> VerifyChainAsync(string runId, CancellationToken cancellationToken = default) =>
        _inner.VerifyChainAsync(runId, cancellationToken);
}
