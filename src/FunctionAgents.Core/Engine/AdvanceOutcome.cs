namespace FunctionAgents.Core.Engine;

/// <summary>Why the engine stopped advancing a run.</summary>
public enum AdvanceOutcome
{
    /// <summary>The run has finished (completed, failed or cancelled).</summary>
    Finished,

    /// <summary>The run waits for a human; a wake-up is scheduled for the approval deadline.</summary>
    AwaitingApproval,

    /// <summary>Another writer appended first; the run is theirs to advance.</summary>
    LostRace,

    /// <summary>The journal holds no such run.</summary>
    NotFound,
}
