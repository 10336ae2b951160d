namespace FunctionAgents.Runtime.Privacy;

/// <summary>What the key store holds for a key id: the key, or the fact that it was destroyed by an erasure.</summary>
/// <param name="Key">The unwrapped key; null when erased or unknown.</param>
/// <param name="Erased">True when the key existed and an erasure destroyed it.</param>
public sealed record DataKeyLookup(DataKey? Key, bool Erased)
{
    public static DataKeyLookup Unknown { get; } = new(null, false);

    public static DataKeyLookup Destroyed { get; } = new(null, true);
}
