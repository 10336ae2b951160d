using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Privacy;
using FunctionAgents.Runtime.Journal;

namespace FunctionAgents.Runtime.Privacy;

/// <summary>
/// The placeholder texts of protected personal data, and the stored view of a journal. The write path itself
/// (seal → <see cref="IJournalProtector.ProtectAsync"/> → append <see cref="ProtectedBatch.Stored"/> → fold and project
/// <see cref="ProtectedBatch.Revealed"/>) is <see cref="RunAppender"/>'s.
/// </summary>
public static class PersonalData
{
    /// <inheritdoc cref="PersonalDataFields.ErasedText"/>
    public const string ErasedText = PersonalDataFields.ErasedText;

    /// <inheritdoc cref="PersonalDataFields.EncryptedText"/>
    public const string EncryptedText = PersonalDataFields.EncryptedText;

    /// <inheritdoc cref="PersonalDataFields.ProtectedText"/>
    public const string ProtectedText = PersonalDataFields.ProtectedText;

    /// <summary>The journal as stored (ciphertext, verifiable by any client), under a <see cref="PersonalDataJournal"/> or as it is.</summary>
    public static IEventJournal AsStored(IEventJournal journal) =>
        journal is PersonalDataJournal protecting ? protecting.Stored : journal;
}
