using FunctionAgents.Domain.Policy;

namespace FunctionAgents.Runtime.Policy;

/// <summary>Reads a policy file and loads it with <see cref="PolicyLoader"/>.</summary>
public static class PolicyFile
{
    /// <summary>Reads and loads a policy file; <paramref name="path"/> is the source name in error messages.</summary>
    /// <exception cref="PolicyLoadException">The policy has problems; <see cref="PolicyLoadException.Errors"/> lists them all.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static PolicyEngine Load(string path, PolicyLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return PolicyLoader.Load(File.ReadAllText(path), path, options);
    }
}
