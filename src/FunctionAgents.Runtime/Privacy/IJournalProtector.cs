using FunctionAgents.Domain.Events;

namespace FunctionAgents.Runtime.Privacy;

/// <summary>
/// The personal-data step of the one write path: between sealing and appending, <see cref="Journal.RunAppender"/>
/// hands each batch to the registered protector. <see cref="PersonalDataJournal"/> encrypts personal-data fields;
/// <see cref="JournalProtection.None"/> stores events as sealed when privacy is off.
/// </summary>
public interface IJournalProtector
{
    /// <summary>What to store (<see cref="ProtectedBatch.Stored"/>) and what the fold and projections see (<see cref="ProtectedBatch.Revealed"/>).</summary>
    /// <exception cref="KeyStoreUnavailableException">The key store is unreachable; append nothing.</exception>
    Task<ProtectedBatch> ProtectAsync(IReadOnlyList<RunEvent> sealedEvents, CancellationToken cancellationToken = default);
}

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
