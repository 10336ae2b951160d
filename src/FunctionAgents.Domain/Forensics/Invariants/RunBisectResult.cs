using System.Text.Json.Serialization;

namespace FunctionAgents.Domain.Forensics.Invariants;

/// <summary>The first run of a window (in creation order) whose final state breaks an invariant.</summary>
/// <param name="FirstFailure">Where the invariant first fails inside that run, or null when no run fails.</param>
public sealed record RunBisectResult(
    string Invariant, RunBisectStrategy Strategy, int RunsInWindow, int RunsChecked, string? FirstFailingRunId, BisectResult? FirstFailure);

/// <summary>Where an invariant first fails in one run, and what finding it cost.</summary>
/// <param name="Events">How many events the run has.</param>
/// <param name="FirstFailingSeq">The first Seq after which the invariant fails, or null when it holds at the last version.</param>
/// <param name="Violation">The invariant's words at <paramref name="FirstFailingSeq"/>.</param>
/// <param name="Checks">How many times the invariant was evaluated (1 + ⌈log₂ n⌉ at most for a bisect).</param>
/// <param name="Evolves">How many times an event was folded into a state (at most 2n for a bisect).</param>
/// <param name="JournalReads">How many times the run was read from the journal.</param>
public sealed record BisectResult(
    string RunId, string Invariant, long Events, long? FirstFailingSeq, string? Violation, int Checks, int Evolves, int JournalReads)
{
    public bool Fails => FirstFailingSeq is not null;
}

/// <summary>How the runtime's <c>Bisect.FirstFailingRunAsync</c> searches a window of runs.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunBisectStrategy>))]
public enum RunBisectStrategy
{
    /// <summary>Check runs in creation order and stop at the first that fails: exact, reads runs up to that one.</summary>
    [JsonStringEnumMemberName("scan")]
    Scan,

    /// <summary>
    /// Binary search: reads O(log n) runs, and is exact when failures persist once they begin (a regression shipped at
    /// some point). With intermittent failures it finds a failing run that follows a passing one, not necessarily the first.
    /// </summary>
    [JsonStringEnumMemberName("binary")]
    Binary,
}
