using System.Text.Json;
using FunctionAgents.Domain.Evaluation.Gating;
using FunctionAgents.Domain.Evaluation.Reporting;
using FunctionAgents.Domain.Evaluation.Scoring;

namespace FunctionAgents.Domain.Evaluation;

/// <summary>The JSON forms of evaluation reports (indented, for files and HTTP), run scores (one line each) and gate results.</summary>
public static class EvaluationJson
{
    private static readonly EvaluationJsonContext Indented = new(new JsonSerializerOptions(EvaluationJsonContext.Default.Options) { WriteIndented = true });

    public static string Serialize(EvaluationReport report) => JsonSerializer.Serialize(report, Indented.EvaluationReport);

    public static Task SerializeAsync(Stream stream, EvaluationReport report, CancellationToken cancellationToken = default) =>
        JsonSerializer.SerializeAsync(stream, report, Indented.EvaluationReport, cancellationToken);

    /// <exception cref="JsonException">The text is not a report.</exception>
    public static EvaluationReport DeserializeReport(string json) =>
        JsonSerializer.Deserialize(json, EvaluationJsonContext.Default.EvaluationReport) ?? throw new JsonException("The report is null.");

    /// <exception cref="JsonException">The stream does not hold a report.</exception>
    public static async Task<EvaluationReport> DeserializeReportAsync(Stream stream, CancellationToken cancellationToken = default) =>
        await JsonSerializer.DeserializeAsync(stream, EvaluationJsonContext.Default.EvaluationReport, cancellationToken)
            ?? throw new JsonException("The report is null.");

    /// <summary>One run score on one line (JSON Lines).</summary>
    public static string Serialize(RunScore score) => JsonSerializer.Serialize(score, EvaluationJsonContext.Default.RunScore);

    public static RunScore DeserializeRunScore(string json) =>
        JsonSerializer.Deserialize(json, EvaluationJsonContext.Default.RunScore) ?? throw new JsonException("The run score is null.");

    public static string Serialize(GateResult result) => JsonSerializer.Serialize(result, Indented.GateResult);
}
