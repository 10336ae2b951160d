using FunctionAgents.Domain.Events;

namespace FunctionAgents.Runtime.Privacy;

/// <summary>
/// One sealed batch in its two views. <see cref="Stored"/> is what the journal keeps: personal-data fields
/// encrypted and the hash chain computed over that ciphertext. <see cref="Revealed"/> is the same events with
/// the plaintext payloads but the stored PrevHash and Hash, for the writer's fold and the projections.
/// </summary>
public sealed record ProtectedBatch(IReadOnlyList<RunEvent> Stored, IReadOnlyList<RunEvent> Revealed)
{
    /// <summary>A batch stored as it is (no personal-data protection configured).</summary>
    public static ProtectedBatch AsIs(IReadOnlyList<RunEvent> events) => new(events, events);
}
