namespace FunctionAgents.Core.Policy;

/// <summary>
/// Loads policy YAML (format: docs/policy-format.md) into an immutable <see cref="PolicyEngine"/>. A file with any
/// problem (unknown key, operator, action or metric, bad regex, missing or duplicate rule name, bad duration,
/// invalid YAML) is refused as a whole with every problem and its line.
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

    /// <summary>Reads and loads a policy file; <paramref name="path"/> is the source name in error messages.</summary>
    /// <exception cref="PolicyLoadException">The policy has problems; <see cref="PolicyLoadException.Errors"/> lists them all.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static PolicyEngine LoadFile(string path, PolicyLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Load(File.ReadAllText(path), path, options);
    }
}
