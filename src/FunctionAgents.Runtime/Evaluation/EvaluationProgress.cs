namespace FunctionAgents.Runtime.Evaluation;

/// <summary>How far an evaluation is: the day being read (1-based of <paramref name="Days"/>) and the runs done so far.</summary>
public sealed record EvaluationProgress(int Day, int Days, DateOnly Date, int RunsScored, int RunsSkipped);
