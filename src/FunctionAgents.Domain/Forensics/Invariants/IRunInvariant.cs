using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Domain.Forensics.Invariants;

/// <summary>
/// A property a run must have at every version (after every event). Pure: it reads only the state.
/// The runtime's <c>Bisect</c> finds the first failing Seq with O(log n) checks, which is exact when the invariant is
/// prefix-monotonic (once it fails at some version it fails at every later one); the built-ins are written so.
/// </summary>
public interface IRunInvariant
{
    /// <summary>The kebab-case name the CLI and reports use, e.g. <c>budget-respected</c>.</summary>
    string Name { get; }

    /// <summary>What the invariant requires, in one sentence.</summary>
    string Description { get; }

    InvariantResult Check(RunState state);
}

/// <summary>Whether an invariant holds for one state, and if not, what is wrong in words.</summary>
public sealed record InvariantResult(bool Holds, string? Violation)
{
    public static InvariantResult Pass { get; } = new(true, null);

    public static InvariantResult Fail(string violation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(violation);
        return new InvariantResult(false, violation);
    }
}
