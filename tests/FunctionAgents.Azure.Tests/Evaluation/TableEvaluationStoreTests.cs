using FunctionAgents.Azure.Evaluation;
using FunctionAgents.Domain.Evaluation.Replay;
using FunctionAgents.Domain.Evaluation.Reporting;
using FunctionAgents.Domain.Evaluation.Scoring;
using FunctionAgents.Domain.Evaluation;
using FunctionAgents.Runtime.Evaluation;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Evaluation;

[Collection(AzuriteCollection.Name)]
public sealed class TableEvaluationStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Started = new(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);

    private readonly TableEvaluationStore _store = new(
        azurite.CreateTableClient(), AzuriteFixture.NewTableName("evr"), AzuriteFixture.NewTableName("evs"));

    [Fact]
    public async Task SaveRunScores_ThenList_ReturnsEveryRowAndFiltersByTenant()
    {
        // Arrange
        var scores = Enumerable.Range(0, 150).Select(i => Score($"run-{i:D3}", i % 3 == 0 ? "t2" : "t1")).ToList();

        // Act
        await _store.SaveRunScoresAsync("eval-a", scores);
        var all = await _store.ListRunScoresAsync("eval-a").ToListAsync();
        var t2 = await _store.ListRunScoresAsync("eval-a", "t2").ToListAsync();

        // Assert
        Assert.Equal(150, all.Count);
        Assert.Equal(50, t2.Count);
        Assert.Equal(scores[3] with { Regressions = all[3].Regressions }, all[3]);
        Assert.Equal(scores[3].Regressions, all[3].Regressions);
    }

    [Fact]
    public async Task SaveReport_LargeReport_RoundTripsAcrossChunks()
    {
        // Arrange
        var groups = Enumerable.Range(0, 400).Select(i => Group($"route-{i}")).ToList();
        var report = Report("eval-big", Started, null) with { Routes = groups };

        // Act
        await _store.SaveReportAsync(report);
        var read = await _store.GetReportAsync("eval-big");

        // Assert
        Assert.NotNull(read);
        Assert.Equal(EvaluationJson.Serialize(report), EvaluationJson.Serialize(read));
        Assert.True(EvaluationJson.Serialize(report).Length > 30_000);
    }

    [Fact]
    public async Task GetLatest_NewestVisibleToTheTenant()
    {
        // Arrange
        await _store.SaveReportAsync(Report("eval-old", Started, null));
        await _store.SaveReportAsync(Report("eval-t2", Started.AddHours(2), "t2"));
        await _store.SaveReportAsync(Report("eval-new", Started.AddHours(1), null));

        // Act
        var forT1 = await _store.GetLatestAsync("t1");
        var forT2 = await _store.GetLatestAsync("t2");
        var any = await _store.GetLatestAsync(null);

        // Assert
        Assert.Equal("eval-new", forT1!.EvaluationId);
        Assert.Equal("eval-t2", forT2!.EvaluationId);
        Assert.Equal("eval-t2", any!.EvaluationId);
    }

    [Fact]
    public async Task GetReport_UnknownOrUnusableId_IsNull()
    {
        Assert.Null(await _store.GetReportAsync("eval-missing"));
        Assert.Null(await _store.GetReportAsync("bad/id"));
    }

    private static RunScore Score(string runId, string tenant)
    {
        var side = new RunSideScore("completed", true, true, 1d, 0.02m, 5, 900, 0, 1, null);
        return new RunScore(
            runId, tenant, new DateOnly(2026, 11, 20), "support", "offline", side, side with { Quality = 0.5 },
            [new PolicyRegression(runId, "s2", "send_email", "allow", "deny")], ReplayStatus.Finished, 9, "type ToolApproved vs ToolRejected", 0);
    }

    private static GroupMetrics Group(string key)
    {
        var side = new SideMetrics(10, 9, 0.9, 0.85, 2, 20, 1.5m, 0.166667m, 120.5, 900);
        return new GroupMetrics(key, 10, side, side, 0, 0, 0, 0, 0);
    }

    private static EvaluationReport Report(string id, DateTimeOffset started, string? tenant) => new()
    {
        EvaluationId = id,
        Trigger = EvaluationRequest.Nightly,
        StartedAt = started,
        From = new DateOnly(2026, 11, 20),
        To = new DateOnly(2026, 11, 20),
        TenantId = tenant,
        Mode = ReplayMode.Recorded,
        PolicyVersion = "abc",
        StepScorer = "default",
        RunsScored = 10,
        Overall = Group("all"),
    };
}
