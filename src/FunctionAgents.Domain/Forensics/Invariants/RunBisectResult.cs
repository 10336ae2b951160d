namespace FunctionAgents.Domain.Forensics.Invariants;

/// <summary>The first run of a window (in creation order) whose final state breaks an invariant.</summary>
/// <param name="FirstFailure">Where the invariant first fails inside that run, or null when no run fails.</param>
public sealed record RunBisectResult(
    string Invariant, RunBisectStrategy Strategy, int RunsInWindow, int RunsChecked, string? FirstFailingRunId, BisectResult? FirstFailure);
