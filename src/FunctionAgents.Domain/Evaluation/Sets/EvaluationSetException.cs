namespace FunctionAgents.Domain.Evaluation.Sets;

/// <summary>An evaluation set that cannot be read: the file, line and field at fault, and why.</summary>
public sealed class EvaluationSetException : FormatException
{
    public EvaluationSetException(string source, int line, string field, string reason)
        : base($"{source}:{line}: {field}: {reason}")
    {
        Source = source;
        Line = line;
        Field = field;
        Reason = reason;
    }

    public EvaluationSetException()
    {
        Source = Field = Reason = string.Empty;
    }

    public EvaluationSetException(string message)
        : base(message)
    {
        Source = Field = Reason = string.Empty;
    }

    public EvaluationSetException(string message, Exception innerException)
        : base(message, innerException)
    {
        Source = Field = Reason = string.Empty;
    }

    /// <summary>The file (or name) the set was read from.</summary>
    public new string Source { get; }

    /// <summary>1-based line of the offending node.</summary>
    public int Line { get; }

    /// <summary>The field's path, e.g. <c>cases[3].expect.status</c>.</summary>
    public string Field { get; }

    public string Reason { get; }
}
