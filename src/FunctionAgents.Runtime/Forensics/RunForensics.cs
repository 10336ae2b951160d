using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Runs;

namespace FunctionAgents.Runtime.Forensics;

/// <summary>
/// The per-run forensic reads the HTTP API and the CLI share: the timeline, the state at any version and the
/// causation chain of an event. With a tenant id, another tenant's run is reported as missing (null), exactly like
/// an unknown one; operator tools with direct storage access pass null to read any tenant's run.
/// </summary>
public sealed class RunForensics
{
    private readonly IEventJournal _journal;

    public RunForensics(IEventJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        _journal = journal;
    }

    /// <summary>The run's events in Seq order; null when it has none or belongs to another tenant.</summary>
    public async Task<IReadOnlyList<RunEvent>?> ReadAsync(string? tenantId, string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var events = new List<RunEvent>();
        await foreach (var e in _journal.ReadAsync(runId, cancellationToken: cancellationToken))
        {
            events.Add(e);
        }

        return events.Count == 0 || !BelongsTo(tenantId, events[0].TenantId) ? null : events;
    }

    /// <summary>The run as a readable timeline; null when it does not exist for <paramref name="tenantId"/>.</summary>
    public async Task<RunTimeline?> TimelineAsync(string? tenantId, string runId, CancellationToken cancellationToken = default) =>
        await ReadAsync(tenantId, runId, cancellationToken) is { } events ? Timeline.ForRun(events) : null;

    /// <summary>The state after event <paramref name="atSeq"/> (folding events 1..N only); null when the run does not exist for <paramref name="tenantId"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="atSeq"/> is below 1.</exception>
    public async Task<RunVersion?> StateAtAsync(string? tenantId, string runId, long atSeq, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentOutOfRangeException.ThrowIfLessThan(atSeq, 1);
        var state = await RunReader.LoadAtAsync(_journal, runId, atSeq, cancellationToken);
        return state.LastSeq == 0 || !BelongsTo(tenantId, state.TenantId) ? null : new RunVersion(atSeq, state);
    }

    /// <summary>Why event <paramref name="seq"/> happened: its causation chain back to the run's input; null when the run does not exist for <paramref name="tenantId"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The run has no event at <paramref name="seq"/>.</exception>
    public async Task<CausationWalk?> WhyAsync(string? tenantId, string runId, long seq, CancellationToken cancellationToken = default) =>
        await ReadAsync(tenantId, runId, cancellationToken) is { } events ? CausationChain.Walk(events, seq) : null;

    private static bool BelongsTo(string? tenantId, string eventTenant) =>
        tenantId is null || string.Equals(tenantId, eventTenant, StringComparison.Ordinal);
}

/// <summary>A run as it was after event <see cref="RequestedSeq"/>: the fold of events 1..N.</summary>
/// <param name="State">The folded state; its LastSeq is below <paramref name="RequestedSeq"/> only when the run has fewer events.</param>
public sealed record RunVersion(long RequestedSeq, RunState State)
{
    /// <summary>True when the run has fewer than <see cref="RequestedSeq"/> events (State is then the latest version).</summary>
    public bool IsBeyondEnd => State.LastSeq < RequestedSeq;
}
