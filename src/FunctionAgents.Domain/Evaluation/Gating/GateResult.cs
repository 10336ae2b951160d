namespace FunctionAgents.Domain.Evaluation.Gating;

/// <summary>Pass or fail, with every check made.</summary>
public sealed record GateResult(bool Passed, IReadOnlyList<GateCheck> Checks)
{
    /// <summary>Every reason the gate failed (empty when it passed).</summary>
    public IReadOnlyList<string> Reasons => [.. Checks.Where(c => !c.Passed).Select(c => c.Message)];
}
