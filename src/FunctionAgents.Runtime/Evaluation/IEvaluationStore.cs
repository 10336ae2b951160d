using FunctionAgents.Domain.Evaluation.Reporting;
using FunctionAgents.Domain.Evaluation.Scoring;

namespace FunctionAgents.Runtime.Evaluation;

/// <summary>Where evaluations keep their results: one row per scored run and one JSON report per evaluation.</summary>
public interface IEvaluationStore
{
    /// <summary>Stores run scores of an evaluation (insert or replace, by run id).</summary>
    Task SaveRunScoresAsync(string evaluationId, IReadOnlyList<RunScore> scores, CancellationToken cancellationToken = default);

    Task SaveReportAsync(EvaluationReport report, CancellationToken cancellationToken = default);

    Task<EvaluationReport?> GetReportAsync(string evaluationId, CancellationToken cancellationToken = default);

    /// <summary>The most recently started evaluation visible to <paramref name="tenantId"/> (one of all tenants or of that tenant); any when null.</summary>
    Task<EvaluationReport?> GetLatestAsync(string? tenantId, CancellationToken cancellationToken = default);

    /// <summary>An evaluation's run scores, streamed; only <paramref name="tenantId"/>'s when given.</summary>
    IAsyncEnumerable<RunScore> ListRunScoresAsync(string evaluationId, string? tenantId = null, CancellationToken cancellationToken = default);
}
