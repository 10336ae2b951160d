namespace FunctionAgents.Domain.Forensics.Invariants;

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
