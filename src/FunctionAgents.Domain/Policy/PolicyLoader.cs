namespace FunctionAgents.Domain.Policy;

/// <summary>
/// Loads policy YAML text (format: docs/policy-format.md) into an immutable <see cref="PolicyEngine"/>. A file with any
/// problem (unknown key, operator, action or metric, bad regex, missing or duplicate rule name, bad duration,
/// invalid YAML) is refused as a whole with every problem and its line. It reads no file: the runtime's
/// <c>PolicyFile</c> does.
/// </summary>
public static class PolicyLoader
{
    /// <summary>Loads a policy from YAML text.</summary>
    /// <param name="sourceName">A file name or label, used in error messages and <see cref="PolicyEngine.SourceName"/>.</param>
    /// <param name="options">Regex match timeout; <see cref="PolicyLoadOptions.Default"/> when null.</param>
    /// <exception cref="PolicyLoadException">The policy has problems; <see cref="PolicyLoadException.Errors"/> lists them all.</exception>
    public static PolicyEngine Load(string yamlText, string sourceName, PolicyLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(sourceName);
        options ??= PolicyLoadOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RegexMatchTimeout, TimeSpan.Zero, nameof(options));
        return PolicyParser.Parse(yamlText, sourceName, options);
    }
}

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
