using System.Runtime.CompilerServices;
using FunctionAgents.Domain.Evaluation.Reporting;
using FunctionAgents.Domain.Evaluation.Scoring;
using FunctionAgents.Runtime.Evaluation;

namespace FunctionAgents.Testing.Stores;

/// <summary>A process-local <see cref="IEvaluationStore"/> for tests and tools; not durable.</summary>
public sealed class InMemoryEvaluationStore : IEvaluationStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, EvaluationReport> _reports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, RunScore>> _scores = new(StringComparer.Ordinal);

    public Task SaveRunScoresAsync(string evaluationId, IReadOnlyList<RunScore> scores, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scores);
        lock (_gate)
        {
            if (!_scores.TryGetValue(evaluationId, out var rows))
            {
                rows = new Dictionary<string, RunScore>(StringComparer.Ordinal);
                _scores[evaluationId] = rows;
            }

            foreach (var score in scores)
            {
                rows[score.RunId] = score;
            }
        }

        return Task.CompletedTask;
    }

    public Task SaveReportAsync(EvaluationReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        lock (_gate)
        {
            _reports[report.EvaluationId] = report;
        }

        return Task.CompletedTask;
    }

    public Task<EvaluationReport?> GetReportAsync(string evaluationId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_reports.GetValueOrDefault(evaluationId));
        }
    }

    public Task<EvaluationReport?> GetLatestAsync(string? tenantId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_reports.Values
                .Where(r => tenantId is null || r.TenantId is null || r.TenantId == tenantId)
                .OrderByDescending(r => r.StartedAt)
                .ThenByDescending(r => r.EvaluationId, StringComparer.Ordinal)
                .FirstOrDefault());
        }
    }

    public async IAsyncEnumerable<RunScore> ListRunScoresAsync(
        string evaluationId, string? tenantId = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        RunScore[] rows;
        lock (_gate)
        {
            rows = _scores.TryGetValue(evaluationId, out var stored)
                ? [.. stored.Values.Where(s => tenantId is null || s.TenantId == tenantId).OrderBy(s => s.RunId, StringComparer.Ordinal)]
                : [];
        }

        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return row;
        }

        await Task.CompletedTask;
    }
}
