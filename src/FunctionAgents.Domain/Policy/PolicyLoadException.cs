namespace FunctionAgents.Domain.Policy;

/// <summary>
/// A policy file was refused. <see cref="Errors"/> holds every problem found, in file order; the message lists them
/// one per line as <c>file:line: problem</c>. Nothing of a refused policy is ever used.
/// </summary>
public sealed class PolicyLoadException : Exception
{
    public PolicyLoadException()
    {
    }

    public PolicyLoadException(string message)
        : base(message)
    {
    }

    public PolicyLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PolicyLoadException(string sourceName, IReadOnlyList<PolicyLoadError> errors)
        : base(Format(sourceName, errors))
    {
        SourceName = sourceName;
        Errors = errors;
    }

    /// <summary>The file name or label the policy was loaded from.</summary>
    public string? SourceName { get; }

    /// <summary>Every problem found, ordered by line and column.</summary>
    public IReadOnlyList<PolicyLoadError> Errors { get; } = [];

    private static string Format(string sourceName, IReadOnlyList<PolicyLoadError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var noun = errors.Count == 1 ? "problem" : "problems";
        var lines = errors.Select(e => $"{sourceName}:{e.Line}: {e.Message}");
        return $"Policy {sourceName} was refused ({errors.Count} {noun}):{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
    }
}

/// <summary>One problem found while loading a policy file, at a 1-based line and column.</summary>
public sealed record PolicyLoadError(int Line, int Column, string Message);
