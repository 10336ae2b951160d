namespace FunctionAgents.Runtime.Evaluation;

/// <summary>Which runs to evaluate: those created on the UTC days <paramref name="From"/>..<paramref name="To"/> that have finished.</summary>
/// <param name="TenantId">Only this tenant's runs; null for every tenant.</param>
/// <param name="Trigger"><c>nightly</c>, <c>manual</c> or <c>cli</c>.</param>
/// <param name="EvaluationId">The id to journal and store under; a new one when null.</param>
public sealed record EvaluationRequest(DateOnly From, DateOnly To, string? TenantId, string Trigger, string? EvaluationId = null)
{
    public const string Nightly = "nightly";
    public const string Manual = "manual";
    public const string Cli = "cli";

    /// <summary>The longest window one evaluation covers.</summary>
    public const int MaxDays = 31;

    /// <summary>Throws <see cref="ArgumentException"/> for an empty, reversed or too long window.</summary>
    public void Validate()
    {
        if (To < From)
        {
            throw new ArgumentException($"The window ends ({To:yyyy-MM-dd}) before it starts ({From:yyyy-MM-dd}).", nameof(To));
        }

        if (To.DayNumber - From.DayNumber + 1 > MaxDays)
        {
            throw new ArgumentException($"The window covers {To.DayNumber - From.DayNumber + 1} days; at most {MaxDays} are evaluated at once.", nameof(To));
        }
    }
}
