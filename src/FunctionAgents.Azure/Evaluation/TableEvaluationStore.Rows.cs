using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Evaluation.Reporting;
using FunctionAgents.Domain.Evaluation.Scoring;
using FunctionAgents.Domain.Evaluation;

namespace FunctionAgents.Azure.Evaluation;

public sealed partial class TableEvaluationStore
{
    /// <summary>Characters per string property: a property holds at most 64 KiB of UTF-16.</summary>
    private const int ChunkChars = 30_000;

    /// <summary>Chunks per row: the entity stays under the 1 MiB limit.</summary>
    private const int MaxChunks = 30;

    private const string ChunksColumn = "JsonChunks";

    private static TableEntity ScoreRow(string evaluationId, RunScore score)
    {
        var row = new TableEntity(evaluationId, score.RunId);
        row[TenantColumn] = score.TenantId;
        row["Day"] = EvaluationAggregator.DayKey(score.Day);
        row["Route"] = score.Route;
        row["Model"] = score.Model;
        row["Status"] = score.Candidate.Status;
        row["BaselineQuality"] = score.Baseline.Quality;
        row["CandidateQuality"] = score.Candidate.Quality;
        row["BaselineCostUsd"] = score.Baseline.CostUsd.ToString(CultureInfo.InvariantCulture);
        row["CandidateCostUsd"] = score.Candidate.CostUsd.ToString(CultureInfo.InvariantCulture);
        row["PolicyRegressions"] = score.Regressions.Count;
        row["Deterministic"] = score.Deterministic;
        row[JsonColumn] = EvaluationJson.Serialize(score);
        return row;
    }

    private static void WriteJson(TableEntity row, string json, string evaluationId)
    {
        var chunks = (json.Length + ChunkChars - 1) / ChunkChars;
        if (chunks > MaxChunks)
        {
            throw new InvalidOperationException(
                $"The report of {evaluationId} is {json.Length} characters; a report row holds at most {MaxChunks * ChunkChars}.");
        }

        row[ChunksColumn] = chunks;
        for (var i = 0; i < chunks; i++)
        {
            row[JsonColumn + i.ToString(CultureInfo.InvariantCulture)] = json.Substring(i * ChunkChars, Math.Min(ChunkChars, json.Length - (i * ChunkChars)));
        }
    }

    private static string ReadJson(TableEntity row)
    {
        var chunks = row.GetInt32(ChunksColumn) ?? 0;
        var json = new StringBuilder();
        for (var i = 0; i < chunks; i++)
        {
            json.Append(row.GetString(JsonColumn + i.ToString(CultureInfo.InvariantCulture)));
        }

        return json.ToString();
    }
}
