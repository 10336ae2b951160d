using FunctionAgents.Azure.Evaluation;
using FunctionAgents.Domain.Evaluation.Reporting;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Evaluation;

[Collection(AzuriteCollection.Name)]
public sealed class TableEvaluationStoreCatalogTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Started = new(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);

    private readonly TableEvaluationStore _store = new(
        azurite.CreateTableClient(), AzuriteFixture.NewTableName("evr"), AzuriteFixture.NewTableName("evs"));

    [Fact]
    public async Task ListReportIds_NewestFirst_OnlyThoseVisibleToTheTenant()
    {
        // Arrange: reports of every tenant and of single tenants, saved out of time order
        await _store.SaveReportAsync(Report("eval-all-1", Started, null));
        await _store.SaveReportAsync(Report("eval-t1", Started.AddDays(2), "t1"));
        await _store.SaveReportAsync(Report("eval-t2", Started.AddDays(3), "t2"));
        await _store.SaveReportAsync(Report("eval-all-2", Started.AddDays(1), null));

        // Act
        var t1 = await _store.ListReportIdsAsync("t1").ToListAsync();
        var all = await _store.ListReportIdsAsync(null).ToListAsync();

        // Assert
        Assert.Equal(["eval-t1", "eval-all-2", "eval-all-1"], t1);
        Assert.Equal(["eval-t2", "eval-t1", "eval-all-2", "eval-all-1"], all);
    }

    [Fact]
    public async Task ListReportIds_NoReport_IsEmpty()
    {
        Assert.Empty(await _store.ListReportIdsAsync("t1").ToListAsync());
    }

    private static EvaluationReport Report(string id, DateTimeOffset started, string? tenant) => new()
    {
        EvaluationId = id,
        Trigger = "nightly",
        StartedAt = started,
        From = DateOnly.FromDateTime(started.UtcDateTime),
        To = DateOnly.FromDateTime(started.UtcDateTime),
        TenantId = tenant,
        Mode = Domain.Evaluation.Replay.ReplayMode.Recorded,
        PolicyVersion = "policy-v1",
        StepScorer = "default",
    };
}
