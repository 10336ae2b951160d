using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Forensics.Signing;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Runtime.Forensics.Verification;

/// <summary>
/// Verifies runs against tampering: recomputes each hash chain from what is stored (the journal's own verifier, which
/// catches altered, removed, inserted and reordered events), then checks what the chain alone cannot see: events
/// after the run's end, events removed from the end (against the run index's LastSeq and the checkpoints) and a chain
/// recomputed after an edit (against the checkpoints' hashes).
/// </summary>
public sealed partial class ChainAudit
{
    private readonly IEventJournal _journal;
    private readonly IChainCheckpointStore? _checkpoints;
    private readonly CheckpointTrustSet? _trust;

    /// <param name="trust">The public keys checkpoints must be signed with; null checks the chain and the checkpoints' hashes only.</param>
    public ChainAudit(IEventJournal journal, IChainCheckpointStore? checkpoints = null, CheckpointTrustSet? trust = null)
    {
        ArgumentNullException.ThrowIfNull(journal);
        _journal = journal;
        _checkpoints = checkpoints;
        _trust = trust;
    }

    /// <summary>Whether signatures are checked (a trust set was given).</summary>
    public bool ChecksSignatures => _trust is not null;

    /// <param name="indexedLastSeq">The run index's LastSeq for the run, when known: the journal must hold at least that many events.</param>
    public async Task<RunVerification> VerifyRunAsync(string runId, long? indexedLastSeq = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        return Check(await ReadRunAsync(runId, indexedLastSeq, cancellationToken));
    }

    /// <summary>
    /// Verifies each run in turn (reporting each result to <paramref name="progress"/>, in the order given), using the
    /// index's LastSeq as an anchor. With trusted keys, a run's signatures are checked while the next run is being read,
    /// so the signature checks hide behind the storage reads.
    /// </summary>
    public async Task<ChainAuditReport> VerifyRunsAsync(
        IEnumerable<RunSummary> runs, IProgress<RunVerification>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var broken = new List<RunVerification>();
        var checkedRuns = 0;
        long events = 0;
        void Record(RunVerification result)
        {
            checkedRuns++;
            events += result.EventsChecked;
            if (!result.IsValid)
            {
                broken.Add(result);
            }

            progress?.Report(result);
        }

        // At most one run checked while one is read: bounded memory, results in order.
        Task<RunVerification>? checking = null;
        foreach (var run in runs)
        {
            var read = await ReadRunAsync(run.RunId, run.LastSeq, cancellationToken);
            if (checking is not null)
            {
                Record(await checking);
            }

            checking = _trust is null ? Task.FromResult(Check(read)) : Task.Run(() => Check(read), cancellationToken);
        }

        if (checking is not null)
        {
            Record(await checking);
        }

        return new ChainAuditReport(checkedRuns, events, broken);
    }

    /// <summary>The checks on what was read: no I/O, so they can run beside the next run's reads.</summary>
    private RunVerification Check(RunRead read)
    {
        var (runId, indexedLastSeq, chain, checkpoints, events) = read;
        if (!chain.IsValid)
        {
            return new RunVerification(runId, chain.EventsChecked, chain.FirstBadSeq, chain.Problem, 0, 0) { SignedThroughSeq = _trust is null ? null : 0 };
        }

        var count = chain.EventsChecked;
        var lastCheckpoint = checkpoints.Count > 0 ? checkpoints[^1].Seq : 0;
        var unanchored = checkpoints.Count > 0 ? Math.Max(0, count - lastCheckpoint) : 0;
        long? signedThrough = _trust is null ? null : 0;
        RunVerification Broken(long seq, string problem) => new(runId, count, seq, problem, checkpoints.Count, unanchored) { SignedThroughSeq = signedThrough };

        if (count == 0 || events is null)
        {
            return checkpoints.Count > 0
                ? Broken(1, $"the journal holds no events, but appends up to Seq {lastCheckpoint} were checkpointed: the run was deleted")
                : indexedLastSeq > 1
                    ? Broken(1, $"the journal holds no events, but the run index records {indexedLastSeq}: the run was deleted")
                    : new RunVerification(runId, 0, null, null, 0, 0) { SignedThroughSeq = signedThrough };
        }

        var problems = new List<(long Seq, string Problem)>();
        CheckCheckpoints(events, checkpoints, problems);
        if (_trust is not null)
        {
            signedThrough = CheckSignatures(events, checkpoints, _trust, problems);
        }

        CheckEnd(events, problems);
        if (indexedLastSeq is { } indexed && indexed > count)
        {
            problems.Add((count + 1, $"the run index records {indexed} events but the journal ends at Seq {count}: events were removed from the end"));
        }

        return problems.Count == 0
            ? new RunVerification(runId, count, null, null, checkpoints.Count, unanchored) { SignedThroughSeq = signedThrough }
            : Broken(problems.Min(p => p.Seq), problems.MinBy(p => p.Seq).Problem);
    }

    private static void CheckCheckpoints(List<RunEvent> events, List<ChainCheckpoint> checkpoints, List<(long, string)> problems)
    {
        var count = events.Count;
        long vouched = 0;
        foreach (var checkpoint in checkpoints)
        {
            if (checkpoint.Seq > count)
            {
                problems.Add((count + 1, $"an append was checkpointed at Seq {checkpoint.Seq} but the journal ends at Seq {count}: events were removed from the end"));
                return;
            }

            if (!string.Equals(events[(int)checkpoint.Seq - 1].Hash, checkpoint.Hash, StringComparison.Ordinal))
            {
                problems.Add((vouched + 1, $"the hash of Seq {checkpoint.Seq} is not the one checkpointed when it was appended: events in Seq {vouched + 1}..{checkpoint.Seq} were rewritten and the chain recomputed"));
                return;
            }

            vouched = checkpoint.Seq;
        }
    }

    /// <summary>
    /// Every checkpoint must be signed by a trusted key; the first that is not ends the coverage, and everything after
    /// the last valid one is not vouched for. A finished run must be covered to its end (its last append was
    /// checkpointed); an unfinished run's uncovered head is reported in <see cref="RunVerification.SignedThroughSeq"/>.
    /// </summary>
    /// <remarks>
    /// The chain is already recomputed and every checkpoint's hash matched, so a valid signature on the last checkpoint
    /// vouches for every event before it (its hash commits to all of them). Only that one signature is checked
    /// mathematically when it holds; every checkpoint is still checked for a signature by a trusted key and the run's
    /// tenant. When the last signature fails, each is checked in order to find where coverage ends.
    /// </remarks>
    /// <returns>The last Seq covered by a valid signed checkpoint.</returns>
    private static long CheckSignatures(List<RunEvent> events, List<ChainCheckpoint> checkpoints, CheckpointTrustSet trust, List<(long, string)> problems)
    {
        var inRange = checkpoints.Where(c => c.Seq <= events.Count).ToList(); // beyond the end: reported by CheckCheckpoints
        string? Reason(ChainCheckpoint checkpoint, bool full)
        {
            var eventTenant = events[(int)checkpoint.Seq - 1].TenantId;
            return (full ? trust.Check(checkpoint) : trust.CheckKey(checkpoint))
                ?? (string.Equals(checkpoint.TenantId, eventTenant, StringComparison.Ordinal) ? null : $"the checkpoint at Seq {checkpoint.Seq} names tenant {checkpoint.TenantId}, the event {eventTenant}");
        }

        var lastHolds = inRange.Count > 0 && Reason(inRange[^1], full: true) is null;
        long covered = 0;
        foreach (var checkpoint in inRange)
        {
            if (Reason(checkpoint, full: !lastHolds) is { } reason)
            {
                problems.Add((covered + 1, $"{reason}: Seq {covered + 1}..{events.Count} are not covered by a valid signature{CoverageSoFar(covered)}"));
                return covered;
            }

            covered = checkpoint.Seq;
        }

        var finished = events[^1].Type is nameof(RunCompleted) or nameof(RunFailed) or nameof(RunCancelled);
        if (finished && covered < events.Count)
        {
            problems.Add((covered + 1, $"the run has ended but Seq {covered + 1}..{events.Count} are not covered by a signed checkpoint{CoverageSoFar(covered)}"));
        }

        return covered;
    }

    private static string CoverageSoFar(long covered) => covered == 0 ? " (no event is)" : $" (signatures cover Seq 1..{covered})";

    /// <summary>Nothing is appended after RunCompleted, RunFailed or RunCancelled; an event there was inserted.</summary>
    private static void CheckEnd(List<RunEvent> events, List<(long, string)> problems)
    {
        var end = events.FindIndex(e => e.Type is nameof(RunCompleted) or nameof(RunFailed) or nameof(RunCancelled));
        if (end >= 0 && end < events.Count - 1)
        {
            var extra = events[end + 1];
            problems.Add((extra.Seq, $"event {extra.Seq} ({extra.Type}) follows the run's end at Seq {events[end].Seq} ({events[end].Type}); nothing is appended after a run finishes"));
        }
    }
}

/// <summary>The result of verifying many runs: how many, and each broken one with its first bad Seq.</summary>
public sealed record ChainAuditReport(int RunsChecked, long EventsChecked, IReadOnlyList<RunVerification> Broken)
{
    public bool AllValid => Broken.Count == 0;
}

/// <summary>The result of verifying one run: its hash chain recomputed from storage and compared with its checkpoints.</summary>
/// <param name="EventsChecked">How many stored events were read (0 when the journal holds none).</param>
/// <param name="FirstBadSeq">The first Seq that cannot be trusted, or null when the run verifies.</param>
/// <param name="Problem">What is wrong there, in words.</param>
/// <param name="CheckpointsChecked">How many checkpoints were compared.</param>
/// <param name="UnanchoredEvents">Events after the last checkpoint (an append whose projection has not run yet, or an insertion).</param>
public sealed record RunVerification(string RunId, long EventsChecked, long? FirstBadSeq, string? Problem, int CheckpointsChecked, long UnanchoredEvents)
{
    public bool IsValid => FirstBadSeq is null;

    /// <summary>
    /// With trusted keys: the last Seq covered by a checkpoint whose signature verifies (events after it are not vouched
    /// for: a run still being written, or a rewrite); null when signatures were not checked.
    /// </summary>
    public long? SignedThroughSeq { get; init; }
}
