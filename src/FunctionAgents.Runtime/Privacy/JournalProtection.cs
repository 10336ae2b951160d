using FunctionAgents.Domain.Events;

namespace FunctionAgents.Runtime.Privacy;

/// <summary>The protectors that are not a <see cref="PersonalDataJournal"/>.</summary>
public static class JournalProtection
{
    /// <summary>Privacy off: every batch is stored as sealed.</summary>
    public static IJournalProtector None { get; } = new Unprotected();

    private sealed class Unprotected : IJournalProtector
    {
        public Task<ProtectedBatch> ProtectAsync(IReadOnlyList<RunEvent> sealedEvents, CancellationToken cancellationToken = default) =>
            Task.FromResult(ProtectedBatch.AsIs(sealedEvents));
    }
}
