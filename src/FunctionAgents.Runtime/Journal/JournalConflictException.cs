namespace FunctionAgents.Runtime.Journal;

/// <summary>
/// Another writer already appended different events at a Seq this append expected to take.
/// Nothing of the losing append was written; the loser should re-read the journal.
/// </summary>
public sealed class JournalConflictException : Exception
{
    public JournalConflictException()
    {
    }

    public JournalConflictException(string message)
        : base(message)
    {
    }

    public JournalConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public JournalConflictException(string runId, long seq, Exception? innerException = null)
        : base($"Run {runId} conflicts at Seq {seq}: another writer appended different events there first; nothing of this append was written.", innerException)
    {
        RunId = runId;
        Seq = seq;
    }

    public string? RunId { get; }

    public long Seq { get; }
}
