namespace FunctionAgents.Runtime.Privacy;

/// <summary>What an erasure request found.</summary>
public enum ErasureStatus
{
    /// <summary>The subject's keys were destroyed now.</summary>
    Erased,

    /// <summary>An earlier erasure destroyed them; nothing changed (erasure is idempotent).</summary>
    AlreadyErased,

    /// <summary>No data of this subject was ever encrypted in this tenant.</summary>
    NotFound,
}
