using System.Runtime.CompilerServices;
using FunctionAgents.Domain.Evaluation.Replay;
using FunctionAgents.Domain.Evaluation.Reporting;
using FunctionAgents.Domain.Evaluation.Trends;
using FunctionAgents.Runtime.Evaluation.Replay;
using FunctionAgents.Runtime.Evaluation.Trends;
using FunctionAgents.Runtime.Evaluation;
using FunctionAgents.Runtime.Tests.Runs.Fakes;
using FunctionAgents.Testing.Stores;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionAgents.Runtime.Tests.Evaluation;

public sealed class EvaluationTrendsTests
{
    private static readonly DateTimeOffset Night = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly From = new(2026, 11, 18);
    private static readonly DateOnly To = new(2026, 11, 21);

    private readonly InMemoryEvaluationStore _store = new();
    private readonly Catalog _catalog = new();

    private EvaluationTrends Trends()
    {
        var harness = new RunHarness(new ScriptedPlanner(GoldenScenario.TwoSteps), GoldenPolicies.Load(GoldenPolicies.AllowAll), null, GoldenScenario.DefaultTools());
        var service = new EvaluationService(
            harness.Index,
            harness.Journal,
            new RunReplayer(new ReplayConfiguration(harness.Catalog, GoldenPolicies.Load(GoldenPolicies.AllowAll))),
            _store,
            harness.Clock,
            NullLogger<EvaluationService>.Instance);
        return new EvaluationTrends(_catalog, service);
    }

    private async Task SaveAsync(EvaluationReport report)
    {
        await _store.SaveReportAsync(report);
        _catalog.NewestFirst.Insert(0, report.EvaluationId);
    }

    [Fact]
    public async Task ForTenant_DayCoveredTwice_TakesTheNewestReport_AndKeepsOnlyWindowDays()
    {
        await SaveAsync(Report("eval-1", Night.AddDays(-1), ("2026-11-17", 0.1), ("2026-11-20", 0.2)));
        await SaveAsync(Report("eval-2", Night, ("2026-11-20", 0.4), ("2026-11-21", 0.6)));

        var trend = await Trends().ForTenantAsync("t1", From, To);

        Assert.Equal(["2026-11-20", "2026-11-21"], trend.Days.Select(d => d.Day));
        Assert.Equal([0.4, 0.6], trend.Days.Select(d => d.Recorded.SuccessRate));
        Assert.All(trend.Days, d => Assert.Equal("eval-2", d.EvaluationId));
        Assert.Equal(2, trend.ReportsRead);
        Assert.False(trend.Truncated);
    }

    [Fact]
    public async Task ForTenant_CandidateOrLiveReports_AreLeftOut()
    {
        await SaveAsync(Report("eval-recorded", Night.AddDays(-1), ("2026-11-20", 0.5)));
        await SaveAsync(Report("eval-candidate", Night, ("2026-11-20", 0.9)) with { CandidatePolicy = true });
        await SaveAsync(Report("eval-live", Night.AddHours(1), ("2026-11-20", 0.8)) with { Mode = ReplayMode.Live });

        var trend = await Trends().ForTenantAsync("t1", From, To);

        var day = Assert.Single(trend.Days);
        Assert.Equal(("eval-recorded", 0.5), (day.EvaluationId, day.Recorded.SuccessRate));
    }

    [Fact]
    public async Task ForTenant_AnotherTenantsReport_IsNotSeen()
    {
        await SaveAsync(Report("eval-t2", Night, ("2026-11-20", 0.5)) with { TenantId = "t2" });

        var trend = await Trends().ForTenantAsync("t1", From, To);

        Assert.Empty(trend.Days);
    }

    [Fact]
    public async Task ForTenant_MoreReportsThanItReads_SaysItWasTruncated()
    {
        for (var i = 0; i <= EvaluationTrends.MaxReports; i++)
        {
            await SaveAsync(Report($"eval-{i:D3}", Night.AddMinutes(i), ("2026-11-20", 0.5)));
        }

        var trend = await Trends().ForTenantAsync("t1", From, To);

        Assert.Equal(EvaluationTrends.MaxReports, trend.ReportsRead);
        Assert.True(trend.Truncated);
    }

    [Fact]
    public async Task ForTenant_ReversedOrTooLongWindow_Throws()
    {
        var trends = Trends();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => trends.ForTenantAsync("t1", To, From));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => trends.ForTenantAsync("t1", To.AddDays(-EvaluationTrends.MaxDays), To));
    }

    private static EvaluationReport Report(string id, DateTimeOffset started, params (string Day, double SuccessRate)[] days) => new()
    {
        EvaluationId = id,
        Trigger = EvaluationRequest.Nightly,
        StartedAt = started,
        From = DateOnly.Parse(days.Min(d => d.Day)!, System.Globalization.CultureInfo.InvariantCulture),
        To = DateOnly.Parse(days.Max(d => d.Day)!, System.Globalization.CultureInfo.InvariantCulture),
        TenantId = "t1",
        Mode = ReplayMode.Recorded,
        PolicyVersion = "abc",
        StepScorer = "default",
        Days = [.. days.Select(d => Day(d.Day, d.SuccessRate))],
    };

    private static GroupMetrics Day(string key, double successRate)
    {
        var side = new SideMetrics(10, (int)(successRate * 10), successRate, successRate, 1, 10, 1m, 0.2m, null, null);
        return new GroupMetrics(key, 10, side, side, 0, 0, 0, 0, 0);
    }

    private sealed class Catalog : IEvaluationReportCatalog
    {
        public List<string> NewestFirst { get; } = [];

        public async IAsyncEnumerable<string> ListReportIdsAsync(string? tenantId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var id in NewestFirst.ToList())
            {
                await Task.Yield();
                yield return id;
            }
        }
    }
}
