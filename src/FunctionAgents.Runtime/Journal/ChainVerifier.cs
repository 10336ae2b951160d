using FunctionAgents.Domain.Events;

namespace FunctionAgents.Runtime.Journal;

/// <summary>
/// Walks a run's stored events in storage order and finds the first break: a Seq gap or repeat
/// (an event removed, inserted or moved), a PrevHash that is not the previous Hash, or a Hash that
/// does not match the recomputed one (an event altered).
/// </summary>
public sealed class ChainVerifier
{
    private readonly string _runId;
    private long _expectedSeq = 1;
    private string _previousHash = EventHasher.GenesisHash;

    public ChainVerifier(string runId) => _runId = runId;

    public long Checked { get; private set; }

    public long? FirstBadSeq { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>Feeds the next stored event; returns false once the chain is broken.</summary>
    public bool Accept(RunEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (FirstBadSeq is not null)
        {
            return false;
        }

        Checked++;
        if (e.Seq != _expectedSeq || e.RunId != _runId)
        {
            return Fail(Math.Min(e.Seq, _expectedSeq), $"expected Seq {_expectedSeq} of run {_runId}, found Seq {e.Seq} of run {e.RunId}");
        }

        if (!string.Equals(e.PrevHash, _previousHash, StringComparison.Ordinal))
        {
            return Fail(e.Seq, "PrevHash does not equal the previous event's Hash");
        }

        if (!string.Equals(e.ComputeHash(), e.Hash, StringComparison.Ordinal))
        {
            return Fail(e.Seq, "Hash does not match the event's content");
        }

        _previousHash = e.Hash;
        _expectedSeq++;
        return true;
    }

    public ChainVerification Result() => new(_runId, Checked, FirstBadSeq, Problem);

    public static async Task<ChainVerification> VerifyAsync(
        string runId, IAsyncEnumerable<RunEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var verifier = new ChainVerifier(runId);
        await foreach (var e in events.WithCancellation(cancellationToken))
        {
            if (!verifier.Accept(e))
            {
                break;
            }
        }

        return verifier.Result();
    }

    private bool Fail(long seq, string problem)
    {
        FirstBadSeq = seq;
        Problem = problem;
        return false;
    }
}

/// <summary>The result of recomputing a run's hash chain.</summary>
/// <param name="FirstBadSeq">The first Seq at which the chain breaks, or null when it is intact.</param>
/// <param name="Problem">What is wrong there, in words.</param>
public sealed record ChainVerification(string RunId, long EventsChecked, long? FirstBadSeq, string? Problem)
{
    public bool IsValid => FirstBadSeq is null;
}
