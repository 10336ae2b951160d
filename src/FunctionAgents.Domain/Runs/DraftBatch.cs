using FunctionAgents.Domain.Events;

namespace FunctionAgents.Domain.Runs;

/// <summary>Collects one activity's drafts and knows the Seq each will take, so later drafts can name it as their cause.</summary>
public sealed class DraftBatch
{
    private readonly List<EventDraft> _drafts = [];
    private readonly long _firstSeq;

    public DraftBatch(RunState state) => _firstSeq = state.LastSeq + 1;

    public IReadOnlyList<EventDraft> Drafts => _drafts;

    /// <summary>Seq the next added draft will take.</summary>
    public long NextSeq => _firstSeq + _drafts.Count;

    /// <summary>Adds a draft and returns the Seq it will take.</summary>
    public long Add(string actor, EventPayload payload, long? causationSeq)
    {
        var seq = NextSeq;
        _drafts.Add(new EventDraft(actor, payload, causationSeq));
        return seq;
    }
}
