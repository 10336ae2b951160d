namespace FunctionAgents.Runtime.Evaluation.Evaluators;

/// <summary>An evaluator could not score a run (e.g. the judge answered outside its schema): the metric is errored with this reason.</summary>
public sealed class EvaluatorException : Exception
{
    public EvaluatorException()
    {
    }

    public EvaluatorException(string message)
        : base(message)
    {
    }

    public EvaluatorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
