using System.Globalization;
using FunctionAgents.Domain.Evaluation.Scoring;

namespace FunctionAgents.Domain.Evaluation.Reporting;

/// <summary>
/// Folds run scores into the report's groups (all runs, per day, route, model and tenant) as they stream past. Memory
/// grows with the number of distinct groups, never with the number of runs: the listed divergences and regressions
/// are capped at <see cref="MaxListed"/> each (their counts stay exact).
/// </summary>
public sealed class EvaluationAggregator
{
    /// <summary>The most divergences and regressions the report lists by name.</summary>
    public const int MaxListed = 100;

    /// <summary>The key of the group of all runs.</summary>
    public const string AllRuns = "all";

    private readonly GroupAccumulator _overall = new(AllRuns);
    private readonly Dictionary<string, GroupAccumulator> _days = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GroupAccumulator> _routes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GroupAccumulator> _models = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GroupAccumulator> _tenants = new(StringComparer.Ordinal);
    private readonly List<DivergenceSummary> _divergences = [];
    private readonly List<PolicyRegression> _regressions = [];

    public int Runs { get; private set; }

    /// <summary>Runs left out (not finished, or unreadable).</summary>
    public int Skipped { get; private set; }

    public void Add(RunScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        Runs++;
        _overall.Add(score);
        Group(_days, DayKey(score.Day)).Add(score);
        Group(_routes, score.Route).Add(score);
        Group(_models, score.Model).Add(score);
        Group(_tenants, score.TenantId).Add(score);
        if (score.DivergedAtSeq is { } seq && _divergences.Count < MaxListed)
        {
            _divergences.Add(new DivergenceSummary(score.RunId, score.TenantId, seq, score.Divergence ?? string.Empty));
        }

        foreach (var regression in score.Regressions.Take(MaxListed - _regressions.Count))
        {
            _regressions.Add(regression);
        }
    }

    public void Skip() => Skipped++;

    /// <summary>Fills the report's metrics from the runs added so far; the report's other fields are kept.</summary>
    public EvaluationReport ApplyTo(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report with
        {
            RunsScored = Runs,
            RunsSkipped = Skipped,
            Overall = _overall.ToMetrics(),
            Days = Metrics(_days),
            Routes = Metrics(_routes),
            Models = Metrics(_models),
            Tenants = Metrics(_tenants),
            Divergences = [.. _divergences],
            Regressions = [.. _regressions],
        };
    }

    public static string DayKey(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static GroupAccumulator Group(Dictionary<string, GroupAccumulator> groups, string key)
    {
        if (!groups.TryGetValue(key, out var group))
        {
            group = new GroupAccumulator(key);
            groups[key] = group;
        }

        return group;
    }

    private static List<GroupMetrics> Metrics(Dictionary<string, GroupAccumulator> groups) =>
        [.. groups.Values.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToMetrics())];
}

/// <summary>A run whose replay did not reproduce its recording, and where.</summary>
public sealed record DivergenceSummary(string RunId, string TenantId, long Seq, string Difference);
