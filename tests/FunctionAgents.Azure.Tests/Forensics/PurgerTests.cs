using FunctionAgents.Azure.Forensics;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Forensics.Retention;
using FunctionAgents.Runtime.Forensics.Verification;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Forensics;

[Collection(AzuriteCollection.Name)]
public sealed class PurgerTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 9, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Old = Now.AddDays(-300);
    private static readonly DateTimeOffset Young = Now.AddDays(-30);

    [Fact]
    public async Task PlanAsync_CutoffYoungerThanTheFloor_IsRefusedWithTheReasonAndListsNothing()
    {
        // Arrange
        var (store, purger) = await SetUpAsync();
        await store.RefundRunAsync("tenant-a", "s-old", Old);

        // Act
        var plan = await purger.PlanAsync(Now.AddDays(-100));

        // Assert
        Assert.False(plan.Decision.Allowed);
        Assert.Contains("only 100 days old", plan.Decision.Refusal, StringComparison.Ordinal);
        Assert.Contains("183", plan.Decision.Refusal, StringComparison.Ordinal);
        Assert.Empty(plan.Runs);
    }

    [Fact]
    public async Task PurgeAsync_OlderRuns_RemovesThemWholeAndLogsEach()
    {
        // Arrange
        var (store, purger) = await SetUpAsync();
        var old = await store.RefundRunAsync("tenant-a", "s-old", Old);
        var young = await store.RefundRunAsync("tenant-a", "s-young", Young);
        var plan = await purger.PlanAsync(Now.AddDays(-200));

        // Act
        var result = await purger.PurgeAsync(plan, "ops@kestrelgoods.example", "retention schedule 2026-09");

        // Assert
        Assert.Equal([old.RunId], plan.Runs.Select(r => r.RunId));
        var logged = Assert.Single(result.Purged);
        Assert.Equal((old.RunId, "tenant-a", "s-old", 16L, PurgeStatus.Completed), (logged.RunId, logged.TenantId, logged.CorrelationId, logged.EventsRemoved, logged.Status));
        Assert.Equal(("ops@kestrelgoods.example", "retention schedule 2026-09"), (logged.PurgedBy, logged.Reason));
        Assert.Equal(10 + 8 + 2, logged.RowsRemoved);

        Assert.Empty(await store.RowsAsync(store.Names.Journal, $"PartitionKey eq '{old.RunId}'"));
        Assert.Empty(await store.RowsAsync(store.Tables.Checkpoints, $"PartitionKey eq '{old.RunId}'"));
        Assert.Empty(await store.RowsAsync(store.Tables.Audit, $"RunId eq '{old.RunId}'"));
        Assert.Null(await store.Index.GetAsync("tenant-a", old.RunId));

        var stored = Assert.Single(await ListAsync(store.RetentionLog.ReadAsync("tenant-a")));
        Assert.Equal(logged with { PurgedAt = stored.PurgedAt, CreatedAt = stored.CreatedAt, LastEventAt = stored.LastEventAt }, stored);
    }

    [Fact]
    public async Task PurgeAsync_YoungerRuns_AreLeftWholeAndStillVerify()
    {
        // Arrange
        var (store, purger) = await SetUpAsync();
        await store.RefundRunAsync("tenant-a", "s-old", Old);
        var young = await store.RefundRunAsync("tenant-b", "s-young", Young);

        // Act
        await purger.PurgeAsync(await purger.PlanAsync(Now.AddDays(-200)), "ops", "schedule");

        // Assert
        Assert.True((await new ChainAudit(store.Journal, store.Checkpoints).VerifyRunAsync(young.RunId, 16)).IsValid);
        Assert.Equal(10, (await ListAsync(store.Audit.QueryAsync("tenant-b", "s-young", Young.AddDays(-1), Young.AddDays(1)))).Count);
        Assert.NotNull(await store.Index.GetAsync("tenant-b", young.RunId));
    }

    [Fact]
    public async Task PurgeAsync_PlanWhoseCutoffIsYoungerThanTheFloor_IsRefusedAndDeletesNothing()
    {
        // Arrange: a plan made up (or kept until the floor moved) that claims approval for a 10-day-old cutoff.
        var (store, purger) = await SetUpAsync();
        var young = await store.RefundRunAsync("tenant-a", "s-young", Now.AddDays(-20));
        var summary = (await store.Index.GetAsync("tenant-a", young.RunId))!;
        var forged = new PurgePlan(new RetentionDecision(true, Now.AddDays(-10), Now, null), [summary], []);

        // Act
        var result = await purger.PurgeAsync(forged, "ops", "mistake");

        // Assert
        Assert.True(result.Refused);
        Assert.Contains("only 10 days old", result.Decision.Refusal, StringComparison.Ordinal);
        Assert.Empty(result.Purged);
        Assert.Equal(16, (await store.RowsAsync(store.Names.Journal, $"PartitionKey eq '{young.RunId}'")).Count);
        Assert.Empty(await ListAsync(store.RetentionLog.ReadAsync()));
    }

    [Fact]
    public async Task PurgeAsync_UnfinishedOrRecentlyActiveOldRuns_AreSkippedWithReasons()
    {
        // Arrange
        var (store, purger) = await SetUpAsync();
        var stuck = await store.RefundRunAsync("tenant-a", "s-stuck", Old, finish: false);
        var revived = await store.RefundRunAsync("tenant-a", "s-revived", Old);
        var stale = (await store.Index.GetAsync("tenant-a", revived.RunId))!;
        var plan = await purger.PlanAsync(Now.AddDays(-200));
        await store.Journal.AppendAsync(revived.RunId, 17, EventSealer.Seal(
            revived.Identity, 17, revived.State.LastHash, Now.AddDays(-1), [new EventDraft(Actors.Human, new RunCancelled("late note", "ana"), 16)]));

        // Act
        var result = await purger.PurgeAsync(plan, "ops", "schedule");

        // Assert
        Assert.Equal(RunStatus.Completed, stale.Status);
        Assert.Empty(result.Purged);
        Assert.Contains("not finished", result.Skipped.Single(s => s.RunId == stuck.RunId).Reason, StringComparison.Ordinal);
        Assert.Contains("after the cutoff", result.Skipped.Single(s => s.RunId == revived.RunId).Reason, StringComparison.Ordinal);
        Assert.Equal(17, (await store.RowsAsync(store.Names.Journal, $"PartitionKey eq '{revived.RunId}'")).Count);
    }

    [Fact]
    public async Task PurgeAsync_Twice_SecondFindsNothingAndTheLogKeepsOneRowPerRun()
    {
        // Arrange
        var (store, purger) = await SetUpAsync();
        await store.RefundRunAsync("tenant-a", "s-1", Old);
        await store.RefundRunAsync("tenant-b", "s-2", Old.AddDays(1));
        await purger.PurgeAsync(await purger.PlanAsync(Now.AddDays(-200)), "ops", "schedule");

        // Act
        var again = await purger.PlanAsync(Now.AddDays(-200));

        // Assert
        Assert.Empty(again.Runs);
        Assert.Equal(2, (await ListAsync(store.RetentionLog.ReadAsync())).Count);
        Assert.All(await ListAsync(store.RetentionLog.ReadAsync()), e => Assert.Equal(PurgeStatus.Completed, e.Status));
    }

    private async Task<(ForensicsStore Store, Purger Purger)> SetUpAsync()
    {
        var store = await ForensicsStore.CreateAsync(azurite);
        return (store, new Purger(store.Client, store.Tables, store.RetentionLog, new RetentionPolicy(), new FixedClock(Now)));
    }

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
