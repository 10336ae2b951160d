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
