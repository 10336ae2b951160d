using FunctionAgents.Domain.Evaluation.Checks;
using FunctionAgents.Domain.Evaluation.Replay;
using FunctionAgents.Domain.Evaluation.Reporting;

namespace FunctionAgents.Runtime.Evaluation;

public sealed partial class EvaluationService
{
    /// <summary>
    /// A stored report as <paramref name="tenantId"/> may see it: an evaluation of that tenant as stored; an evaluation of
    /// every tenant re-aggregated from that tenant's run rows; null for an unknown id or another tenant's evaluation.
    /// </summary>
    public async Task<EvaluationReport?> GetReportAsync(string evaluationId, string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        var report = await _store.GetReportAsync(evaluationId, cancellationToken);
        return report is null ? null : await ForTenantAsync(report, tenantId, cancellationToken);
    }

    /// <summary>The latest evaluation <paramref name="tenantId"/> may see, scoped to it; null when there is none.</summary>
    public async Task<EvaluationReport?> GetLatestAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        var report = await _store.GetLatestAsync(tenantId, cancellationToken);
        return report is null ? null : await ForTenantAsync(report, tenantId, cancellationToken);
    }

    private async Task<EvaluationReport?> ForTenantAsync(EvaluationReport report, string tenantId, CancellationToken cancellationToken)
    {
        if (report.TenantId is not null)
        {
            return report.TenantId == tenantId ? report : null;
        }

        var aggregator = new EvaluationAggregator();
        await foreach (var score in _store.ListRunScoresAsync(report.EvaluationId, tenantId, cancellationToken))
        {
            aggregator.Add(score);
        }

        var scoped = aggregator.ApplyTo(report) with { TenantId = tenantId, RunsSkipped = 0 };
        var candidate = report.CandidatePolicy || report.Mode == ReplayMode.Live;
        var evaluatorDays = report.EvaluatorDays.Where(d => d.TenantId == tenantId).ToList();

        // The window's evaluator summary counts every tenant's runs: another tenant's failing run ids must not show, so
        // it is rebuilt from this tenant's days (which journaled the same metrics).
        return scoped with
        {
            EvaluatorDays = evaluatorDays,
            Evaluators = report.Evaluators is null ? null : EvaluatorSummaries.Combine(evaluatorDays.Select(d => d.Evaluators)),
            Alerts =
            [
                .. AlertRules.Evaluate(scoped.Days, null, candidate, _alerts),
                .. report.Alerts.Where(a => a.Code == EvaluationAlert.EvaluatorDrop && a.TenantId == tenantId),
            ],
        };
    }
}
