namespace FunctionAgents.Domain.Forensics.Invariants;

/// <summary>Progress of a search over runs: one run checked.</summary>
/// <param name="Index">0-based position of the run in the window (creation order).</param>
public sealed record RunCheck(string RunId, int Index, int RunsInWindow, bool Holds);
