using FunctionAgents.Domain.Events;

namespace FunctionAgents.Soak.Scenarios;

/// <summary>Sealed, hash-chained events for a run of a given length; the content does not matter to the chain.</summary>
internal static class SyntheticRun
{
    public static RunIdentity Identity(string prefix) =>
        new($"{prefix}-{Guid.NewGuid():N}", "soak-tenant", "soak-correlation", string.Empty);

    public static IReadOnlyList<RunEvent> Events(RunIdentity run, long nextSeq, string prevHash, int count, string marker) =>
        EventSealer.Seal(run, nextSeq, prevHash, DateTimeOffset.UtcNow,
            Enumerable.Range(0, count).Select(i => new EventDraft(Actors.Orchestrator, new RunCancelled($"{marker}-{i}", "soak"), null)));
}
