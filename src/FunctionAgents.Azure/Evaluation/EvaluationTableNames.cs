using FunctionAgents.Runtime.Hosting;

namespace FunctionAgents.Azure.Evaluation;

/// <summary>The tables evaluations write, before any per-deployment prefix.</summary>
public static class EvaluationTableNames
{
    /// <summary>Reports: PartitionKey <c>report</c> / RowKey = evaluation id (the JSON report), and PartitionKey <c>latest</c> / RowKey = inverted start time (newest first).</summary>
    public const string Reports = TableNames.EvaluationReports;

    /// <summary>Run scores: PartitionKey = evaluation id, RowKey = run id.</summary>
    public const string Scores = TableNames.EvaluationScores;
}
