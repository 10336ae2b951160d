using FunctionAgents.Core.Events;
using FunctionAgents.Core.Journal;

namespace FunctionAgents.Core.Privacy;

/// <summary>
/// The write-path hook every journal writer calls between sealing and appending:
/// drafts → <see cref="EventSealer.Seal"/> → <see cref="ProtectAsync"/> → append <see cref="ProtectedBatch.Stored"/>
/// → fold and project <see cref="ProtectedBatch.Revealed"/>.
/// </summary>
public static class PersonalData
{
    /// <summary>The text a reader sees where an erased subject's data was.</summary>
    public const string ErasedText = "[erased]";

    /// <summary>The text a reader without access to the data keys sees where personal data is.</summary>
    public const string EncryptedText = "[encrypted]";

    /// <summary>The text projections (audit table) hold where personal data is.</summary>
    public const string ProtectedText = "[protected]";

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
