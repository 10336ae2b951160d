namespace FunctionAgents.Domain.Policy;

/// <summary>Options for <see cref="PolicyLoader"/>.</summary>
/// <param name="RegexMatchTimeout">
/// How long one <c>matches_regex</c> check may run. A check that runs out of time counts as a match of a deny rule
/// (fail closed). Must be positive.
/// </param>
public sealed record PolicyLoadOptions(TimeSpan RegexMatchTimeout)
{
    /// <summary>100 ms per regex match: generous for real patterns, short enough to stop catastrophic backtracking.</summary>
    public static PolicyLoadOptions Default { get; } = new(TimeSpan.FromMilliseconds(100));
}
