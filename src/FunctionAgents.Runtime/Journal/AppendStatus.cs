namespace FunctionAgents.Runtime.Journal;

/// <summary>How a <see cref="RunAppender"/> append ended.</summary>
public enum AppendStatus
{
    /// <summary>The events were written at the expected Seq.</summary>
    Appended,

    /// <summary>The Seq was taken by identical events (a retry of this write): nothing new was written.</summary>
    AlreadyDone,

    /// <summary>The Seq was taken by different events: another writer moved the run.</summary>
    Conflict,
}
