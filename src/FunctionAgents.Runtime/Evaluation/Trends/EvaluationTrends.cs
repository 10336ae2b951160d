using System.Globalization;
using FunctionAgents.Domain.Evaluation.Replay;
using FunctionAgents.Domain.Evaluation.Reporting;
using FunctionAgents.Domain.Evaluation.Trends;

namespace FunctionAgents.Runtime.Evaluation.Trends;

/// <summary>
/// Builds per-day trends from stored evaluation reports: each day comes from the newest report that covered it, seen as
/// the caller's tenant sees it, with the per-evaluator results that evaluation journaled for the day (<c>EvaluatorsScored</c>,
/// copied into the report's <c>evaluatorDays</c> so a trend reads one report per evaluation instead of whole streams) (<see cref="EvaluationService.GetReportAsync"/>). Reports of a candidate policy or prompt,
/// or of a live replay, describe a configuration that did not run, so they are left out of the trend.
/// </summary>
public sealed class EvaluationTrends
{
    /// <summary>The most reports one trend reads (a nightly report a day covers about three months).</summary>
    public const int MaxReports = 100;

    /// <summary>The longest window a trend covers.</summary>
    public const int MaxDays = 366;

    private readonly IEvaluationReportCatalog _catalog;
    private readonly EvaluationService _evaluations;

    public EvaluationTrends(IEvaluationReportCatalog catalog, EvaluationService evaluations)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(evaluations);
        _catalog = catalog;
        _evaluations = evaluations;
    }

    /// <summary>The trend of <paramref name="tenantId"/>'s runs created from <paramref name="from"/> to <paramref name="to"/> (UTC days, inclusive).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The window is reversed or longer than <see cref="MaxDays"/>.</exception>
    public async Task<EvaluationTrend> ForTenantAsync(string tenantId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        if (to < from || to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"The window must run forward and cover at most {MaxDays} days.");
        }

        var days = new SortedDictionary<string, TrendDay>(StringComparer.Ordinal);
        var read = 0;
        var truncated = false;
        await foreach (var id in _catalog.ListReportIdsAsync(tenantId, cancellationToken))
        {
            if (read == MaxReports)
            {
                truncated = true;
                break;
            }

            read++;
            if (await _evaluations.GetReportAsync(id, tenantId, cancellationToken) is not { } report || IsHypothetical(report) || report.To < from || report.From > to)
            {
                continue;
            }

            foreach (var day in report.Days)
            {
                // Newest first: a day already taken came from a later evaluation, which saw the day's runs finished.
                if (InWindow(day.Key, from, to) && !days.ContainsKey(day.Key))
                {
                    var evaluators = report.EvaluatorDays.FirstOrDefault(e => string.Equals(e.Day, day.Key, StringComparison.Ordinal));
                    days[day.Key] = new TrendDay(
                        day.Key, report.EvaluationId, report.CompletedAt ?? report.StartedAt, day.Runs, day.Baseline, day.Candidate, evaluators?.Evaluators ?? [], evaluators?.JudgeModel);
                }
            }
        }

        return new EvaluationTrend(from, to, [.. days.Values], read, truncated);
    }

    private static bool IsHypothetical(EvaluationReport report) =>
        report.CandidatePolicy || report.CandidatePromptVersion is not null || report.Mode == ReplayMode.Live;

    private static bool InWindow(string key, DateOnly from, DateOnly to) =>
        DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day >= from && day <= to;
}
