using FunctionAgents.Azure.Runs;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Host.Tests.Support;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Host.Tests.Runs;

[Collection(HostCollection.Name)]
public sealed class TableRunIndexTests(HostFixture fixture)
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Get_AfterTryAdd_ReturnsTheSummaryForItsTenantOnly()
    {
        var index = await NewIndexAsync();
        var summary = Summary("acme", "run-a");

        await index.TryAddAsync(summary);

        Assert.Equal(summary, await index.GetAsync("acme", "run-a"));
        Assert.Null(await index.GetAsync("other", "run-a"));
        Assert.Null(await index.GetAsync("acme", "run-unknown"));
        Assert.Null(await index.GetAsync("acme", "bad/key?"));
    }

    [Fact]
    public async Task TryAdd_Twice_KeepsTheFirstRow()
    {
        var index = await NewIndexAsync();
        await index.TryAddAsync(Summary("acme", "run-a") with { Goal = "first" });

        await index.TryAddAsync(Summary("acme", "run-a") with { Goal = "second" });

        Assert.Equal("first", (await index.GetAsync("acme", "run-a"))!.Goal);
    }

    [Fact]
    public async Task Upsert_OlderLastSeq_DoesNotReplaceNewerRow()
    {
        var index = await NewIndexAsync();
        await index.UpsertAsync(Summary("acme", "run-a", RunStatus.Completed, lastSeq: 9));

        await index.UpsertAsync(Summary("acme", "run-a", RunStatus.AwaitingApproval, lastSeq: 5));
        await index.UpsertAsync(Summary("acme", "run-b", RunStatus.Running, lastSeq: 1));
        await index.UpsertAsync(Summary("acme", "run-b", RunStatus.Failed, lastSeq: 3) with { CostUsd = 0.0123m });

        Assert.Equal(RunStatus.Completed, (await index.GetAsync("acme", "run-a"))!.Status);
        var b = (await index.GetAsync("acme", "run-b"))!;
        Assert.Equal(RunStatus.Failed, b.Status);
        Assert.Equal(0.0123m, b.CostUsd);
    }

    [Fact]
    public async Task List_PagesWithOpaqueTokens_UntilTheLastPageHasNone()
    {
        // Arrange
        var index = await NewIndexAsync();
        for (var i = 0; i < 7; i++)
        {
            await index.TryAddAsync(Summary("acme", $"run-{i}"));
        }

        await index.TryAddAsync(Summary("other", "run-x"));

        // Act
        var seen = new List<string>();
        var tokens = new List<string>();
        string? token = null;
        do
        {
            var page = await index.ListAsync(new RunQuery("acme", null, null, null, token, PageSize: 3));
            seen.AddRange(page.Runs.Select(r => r.RunId));
            token = page.ContinuationToken;
            if (token is not null)
            {
                tokens.Add(token);
            }
        }
        while (token is not null);

        // Assert
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"run-{i}"), seen);
        Assert.Equal(2, tokens.Count);
        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]+$", t));
        Assert.DoesNotContain(tokens, t => t.Contains("run-", StringComparison.Ordinal));
        await Assert.ThrowsAsync<FormatException>(() => index.ListAsync(new RunQuery("acme", null, null, null, "garbage!", 3)));
    }

    [Fact]
    public async Task List_FiltersByStatusAndCreationTime()
    {
        var index = await NewIndexAsync();
        await index.UpsertAsync(Summary("acme", "run-early", RunStatus.Completed, createdAt: Noon.AddDays(-2)));
        await index.UpsertAsync(Summary("acme", "run-mid", RunStatus.Failed, createdAt: Noon));
        await index.UpsertAsync(Summary("acme", "run-late", RunStatus.Completed, createdAt: Noon.AddDays(2)));

        var completed = await index.ListAsync(new RunQuery("acme", RunStatus.Completed, null, null, null));
        var window = await index.ListAsync(new RunQuery("acme", null, Noon.AddDays(-1), Noon.AddDays(1), null));
        var toExclusive = await index.ListAsync(new RunQuery("acme", null, Noon, Noon.AddDays(2), null));

        Assert.Equal(["run-early", "run-late"], completed.Runs.Select(r => r.RunId).Order());
        Assert.Equal(["run-mid"], window.Runs.Select(r => r.RunId));
        Assert.Equal(["run-mid"], toExclusive.Runs.Select(r => r.RunId));
    }

    [Fact]
    public async Task ListByDay_ReturnsEveryTenantsRunsOfThatUtcDay()
    {
        var index = await NewIndexAsync();
        await index.TryAddAsync(Summary("acme", "run-1", createdAt: new DateTimeOffset(2025, 3, 14, 23, 30, 0, TimeSpan.FromHours(-2))));
        await index.TryAddAsync(Summary("other", "run-2", createdAt: new DateTimeOffset(2025, 3, 15, 0, 30, 0, TimeSpan.Zero)));
        await index.TryAddAsync(Summary("acme", "run-3", createdAt: new DateTimeOffset(2025, 3, 14, 8, 0, 0, TimeSpan.Zero)));

        var day = new List<string>();
        await foreach (var run in index.ListByDayAsync(new DateOnly(2025, 3, 15)))
        {
            day.Add(run.RunId);
        }

        Assert.Equal(["run-1", "run-2"], day.Order());
    }

    [Fact]
    public async Task ListStale_ReturnsUnfinishedRunsNotUpdatedSince()
    {
        var index = await NewIndexAsync();
        await index.UpsertAsync(Summary("acme", "run-stuck", RunStatus.Running, updatedAt: Noon.AddMinutes(-10)));
        await index.UpsertAsync(Summary("other", "run-waiting", RunStatus.AwaitingApproval, updatedAt: Noon.AddMinutes(-30)));
        await index.UpsertAsync(Summary("acme", "run-fresh", RunStatus.Running, updatedAt: Noon.AddMinutes(-1)));
        await index.UpsertAsync(Summary("acme", "run-done", RunStatus.Completed, updatedAt: Noon.AddHours(-1)));

        var stale = new List<string>();
        await foreach (var run in index.ListStaleAsync(Noon.AddMinutes(-2)))
        {
            stale.Add(run.RunId);
        }

        Assert.Equal(["run-stuck", "run-waiting"], stale.Order());
    }

    private async Task<TableRunIndex> NewIndexAsync()
    {
        var names = StorageNames.Create("i" + Guid.NewGuid().ToString("N")[..12]);
        var tables = fixture.CreateTableClient();
        await tables.CreateTableIfNotExistsAsync(names.RunsByTenant);
        await tables.CreateTableIfNotExistsAsync(names.RunsByDay);
        return new TableRunIndex(tables, names);
    }

    private static RunSummary Summary(
        string tenant, string runId, RunStatus status = RunStatus.Running, long lastSeq = 1, DateTimeOffset? createdAt = null, DateTimeOffset? updatedAt = null) =>
        new(tenant, runId, status, "refund question", "corr-1", createdAt ?? Noon, updatedAt ?? createdAt ?? Noon, lastSeq, 0.0015m, "http");
}
