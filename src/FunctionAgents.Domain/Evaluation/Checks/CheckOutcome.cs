namespace FunctionAgents.Domain.Evaluation.Checks;

/// <summary>What one check found about one run: a score (null when the check did not apply), whether it failed, and why.</summary>
/// <param name="Score">0..1 (higher is better); null when the check was not run.</param>
/// <param name="Failed">True when the run fails the check.</param>
/// <param name="Reason">One sentence a reviewer can act on.</param>
public sealed record CheckOutcome(double? Score, bool Failed, string Reason)
{
    /// <summary>Whether the check ran at all.</summary>
    public bool Ran => Score is not null;

    public static CheckOutcome Pass(string reason) => new(1, false, reason);

    public static CheckOutcome Fail(double score, string reason) => new(score, true, reason);

    /// <summary>The check did not apply (no labels, no model): neither passed nor failed.</summary>
    public static CheckOutcome NotRun(string reason) => new(null, false, reason);

    /// <summary><paramref name="score"/> passes at 1 and fails below.</summary>
    public static CheckOutcome Of(double score, string reason) => new(score, score < 1, reason);
}
