using FunctionAgents.Azure.Storage;


namespace FunctionAgents.Azure.Evaluation;

/// <summary>The tables evaluations write, before any per-deployment prefix.</summary>
public static class EvaluationTableNames
{
    /// <summary>Reports: PartitionKey <c>report</c> / RowKey = evaluation id (the JSON report), and PartitionKey <c>latest</c> / RowKey = inverted start time (newest first).</summary>
    public const string Reports = StorageNames.Tables.EvaluationReports;

    /// <summary>Run scores: PartitionKey = evaluation id, RowKey = run id.</summary>
    public const string Scores = StorageNames.Tables.EvaluationScores;
}
