using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Journal;

namespace FunctionAgents.Runtime.Evaluation;

/// <summary>
/// Journals an evaluation under its id: events are buffered and appended through the one
/// <see cref="RunAppender"/> in batches of at most <see cref="IEventJournal.MaxEventsPerAppend"/>, hash-chained like a run's.
/// </summary>
internal sealed class EvaluationJournalWriter(RunAppender appender, RunIdentity identity)
{
    private readonly List<EventDraft> _pending = [];
    private long _nextSeq = 1;
    private string _lastHash = EventHasher.GenesisHash;

    public async Task AddAsync(EventPayload payload, CancellationToken cancellationToken)
    {
        _pending.Add(new EventDraft(Actors.Evaluator, payload, _nextSeq > 1 || _pending.Count > 0 ? 1 : null));
        if (_pending.Count >= IEventJournal.MaxEventsPerAppend)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var events = await appender.AppendStreamAsync(identity, _nextSeq, _lastHash, _pending, cancellationToken);
        _nextSeq += events.Count;
        _lastHash = events[^1].Hash;
        _pending.Clear();
    }
}
