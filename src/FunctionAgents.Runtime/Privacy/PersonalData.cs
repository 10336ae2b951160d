using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Privacy;
using FunctionAgents.Runtime.Journal;

namespace FunctionAgents.Runtime.Privacy;

/// <summary>
/// The write-path hook every journal writer calls between sealing and appending:
/// drafts → <see cref="EventSealer.Seal"/> → <see cref="ProtectAsync"/> → append <see cref="ProtectedBatch.Stored"/>
/// → fold and project <see cref="ProtectedBatch.Revealed"/>.
/// </summary>
public static class PersonalData
{
    /// <inheritdoc cref="PersonalDataFields.ErasedText"/>
    public const string ErasedText = PersonalDataFields.ErasedText;

    /// <inheritdoc cref="PersonalDataFields.EncryptedText"/>
    public const string EncryptedText = PersonalDataFields.EncryptedText;

    /// <inheritdoc cref="PersonalDataFields.ProtectedText"/>
    public const string ProtectedText = PersonalDataFields.ProtectedText;

    /// <summary>
    /// Encrypts the personal-data fields of <paramref name="sealedEvents"/> when <paramref name="journal"/> protects
    /// personal data (<see cref="PersonalDataJournal"/>); otherwise returns them as they are.
    /// </summary>
    /// <exception cref="KeyStoreUnavailableException">The key store is unreachable; append nothing.</exception>
    public static Task<ProtectedBatch> ProtectAsync(
        IEventJournal journal, IReadOnlyList<RunEvent> sealedEvents, CancellationToken cancellationToken = default) =>
        journal is PersonalDataJournal protecting
            ? protecting.ProtectAsync(sealedEvents, cancellationToken)
            : Task.FromResult(ProtectedBatch.AsIs(sealedEvents));

    /// <summary>The journal as stored (ciphertext, verifiable by any client), under a <see cref="PersonalDataJournal"/> or as it is.</summary>
    public static IEventJournal AsStored(IEventJournal journal) =>
        journal is PersonalDataJournal protecting ? protecting.Stored : journal;
}
