using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Caching;

namespace FunctionAgents.Runtime.Engine;

/// <summary>
/// Each recent run's folded state (personal data revealed), kept in process by <see cref="StepRunner"/> so a step
/// activity need not re-read the run's journal. Count-bounded, and every entry expires <c>timeToLive</c> after it was
/// stored: that bounds how long plaintext of an erased data subject can outlive the erasure in a process's memory
/// (docs/privacy.md). An entry is only ever used when it ends at the Seq and hash the orchestrator expects, and every
/// append stays conditional on the Seq, so a stale entry can cost a retried step, never a wrong event.
/// </summary>
public sealed class RunStateCache
{
    /// <summary>The default bound on runs held.</summary>
    public const int DefaultCapacity = 1024;

    /// <summary>The default entry lifetime.</summary>
    public static readonly TimeSpan DefaultTimeToLive = TimeSpan.FromSeconds(30);

    private readonly BoundedCache<string, RunState> _states;

    /// <param name="capacity">The most runs held (least recently used leave first).</param>
    /// <param name="timeToLive">How long an entry may be used after it was stored.</param>
    /// <param name="clock">The clock expiry is measured on.</param>
    public RunStateCache(int capacity = DefaultCapacity, TimeSpan? timeToLive = null, TimeProvider? clock = null) =>
        _states = new BoundedCache<string, RunState>(capacity, timeToLive ?? DefaultTimeToLive, clock);

    /// <summary>How many runs are held (expired entries included until they are next looked up).</summary>
    public int Count => _states.Count;

    /// <summary>The run's cached state, if any and not expired.</summary>
    public bool TryGet(string runId, out RunState state) => _states.TryGet(runId, out state);

    /// <summary>Remembers <paramref name="state"/> as the run's latest known state (ignored for a run with no events).</summary>
    public void Set(RunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.LastSeq > 0)
        {
            _states.Set(state.RunId, state);
        }
    }

    /// <summary>Forgets the run (its next step reads the journal).</summary>
    public void Remove(string runId) => _states.Remove(runId);
}
