using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Forensics;

/// <summary>The audit log writes each action once (its day partition); the correlation view is derived at query time.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuditSingleWriteTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 23, 59, 55, TimeSpan.Zero);

    [Fact]
    public async Task ProjectAsync_ARunAcrossMidnight_StoresEachActionOnceUnderItsDay()
    {
        // Arrange
        var store = await ForensicsStore.CreateAsync(azurite);
        var run = await store.RefundRunAsync("tenant-a", "session-9", Start);

        // Act
        var rows = new List<(string PartitionKey, string RowKey)>();
        await foreach (var row in store.Client.QueryAsync(store.Tables.Audit))
        {
            rows.Add((row.PartitionKey, row.RowKey));
        }

        // Assert: ten audited actions, ten rows, each in the partition of the day it happened (the run crosses midnight)
        var entries = new List<string>();
        await foreach (var entry in store.Audit.QueryAsync("tenant-a", "session-9", Start.AddDays(-1), Start.AddDays(1)))
        {
            entries.Add($"{entry.RunId}/{entry.Seq}");
        }

        Assert.Equal(10, rows.Count);
        Assert.Equal(rows.Count, rows.Distinct().Count());
        Assert.Equal(["tenant-a|d|20260302", "tenant-a|d|20260303"], rows.Select(r => r.PartitionKey).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(10, entries.Count);
        Assert.All(entries, e => Assert.StartsWith(run.RunId + "/", e, StringComparison.Ordinal));
    }

    [Fact]
    public async Task QueryAsync_ByCorrelation_LeavesOutTheSameDaysOtherCorrelations()
    {
        // Arrange: two sessions of one tenant on the same days, and another tenant's session of the same id
        var store = await ForensicsStore.CreateAsync(azurite);
        var mine = await store.RefundRunAsync("tenant-a", "session-1", Start);
        await store.RefundRunAsync("tenant-a", "session-2", Start);
        await store.RefundRunAsync("tenant-b", "session-1", Start);

        // Act
        var entries = new List<(string RunId, string Tenant, string Correlation, DateTimeOffset At)>();
        await foreach (var e in store.Audit.QueryAsync("tenant-a", "session-1", Start.AddDays(-1), Start.AddDays(1)))
        {
            entries.Add((e.RunId, e.TenantId, e.CorrelationId, e.OccurredAt));
        }

        // Assert
        Assert.Equal(10, entries.Count);
        Assert.All(entries, e => Assert.Equal((mine.RunId, "tenant-a", "session-1"), (e.RunId, e.Tenant, e.Correlation)));
        Assert.Equal(entries.Select(e => e.At).Order(), entries.Select(e => e.At));
    }
}
