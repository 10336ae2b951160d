using FunctionAgents.Azure.Forensics;
using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Forensics.Audit;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Forensics;

[Collection(AzuriteCollection.Name)]
public sealed class TableAuditLogTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 23, 59, 55, TimeSpan.Zero);
    private static readonly DateTimeOffset From = Start.AddDays(-1);
    private static readonly DateTimeOffset Until = Start.AddDays(2);

    [Fact]
    public async Task QueryAsync_ByCorrelation_ReturnsEveryActionInOrderWithJustification()
    {
        // Arrange
        var store = await ForensicsStore.CreateAsync(azurite);
        var run = await store.RefundRunAsync("tenant-a", "session-7", Start);

        // Act
        var entries = await ListAsync(store.Audit.QueryAsync("tenant-a", "session-7", From, Until));

        // Assert
        Assert.Equal(
            [
                nameof(RunStarted), nameof(ModelCalled), nameof(PlanGenerated), nameof(ToolApproved), nameof(ToolExecuted),
                nameof(ApprovalRequested), nameof(HumanApproved), nameof(ToolExecuted), nameof(ResponseFinalized), nameof(RunCompleted),
            ],
            entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(run.RunId, e.RunId));
        var mailed = entries.Last(e => e.Action == nameof(ToolExecuted));
        Assert.Equal("send_email", mailed.Tool);
        Assert.Equal(["deny_external_email_without_approval"], mailed.Justification.Rules);
        Assert.Equal((StoredRun.PolicyVersion, "human", "ana", "checked the address"), (mailed.Justification.PolicyVersion, mailed.Justification.DecidedBy, mailed.Justification.Approver, mailed.Justification.Comment));
        Assert.Equal(("gpt-4o", "plan-v3"), (entries[2].Justification.Model, entries[2].Justification.PromptVersion));
    }

    [Fact]
    public async Task QueryAsync_TenantWide_CrossesDayPartitionsInTimeOrder()
    {
        // Arrange: the run starts five seconds before midnight, so its rows fall on two days.
        var store = await ForensicsStore.CreateAsync(azurite);
        var first = await store.RefundRunAsync("tenant-a", "session-1", Start);
        var second = await store.RefundRunAsync("tenant-a", "session-2", Start.AddMinutes(1));

        // Act
        var entries = await ListAsync(store.Audit.QueryAsync("tenant-a", null, From, Until));

        // Assert
        Assert.Equal(20, entries.Count);
        Assert.Equal(2, entries.Select(e => e.OccurredAt.UtcDateTime.Date).Distinct().Count());
        Assert.Equal(entries.OrderBy(e => e.OccurredAt).ThenBy(e => e.Seq).Select(e => (e.RunId, e.Seq)), entries.Select(e => (e.RunId, e.Seq)));
        Assert.Equal([first.RunId, second.RunId], entries.Select(e => e.RunId).Distinct());
    }

    [Fact]
    public async Task QueryAsync_TwoTenantsWithTheSameCorrelationId_NeverLeak()
    {
        // Arrange
        var store = await ForensicsStore.CreateAsync(azurite);
        var a = await store.RefundRunAsync("tenant-a", "shared", Start);
        var b = await store.RefundRunAsync("tenant-b", "shared", Start);

        // Act
        var forA = await ListAsync(store.Audit.QueryAsync("tenant-a", "shared", From, Until));
        var forB = await ListAsync(store.Audit.QueryAsync("tenant-b", "shared", From, Until));
        var allOfA = await ListAsync(store.Audit.QueryAsync("tenant-a", null, From, Until));
        var stranger = await ListAsync(store.Audit.QueryAsync("tenant-c", "shared", From, Until));

        // Assert
        Assert.Equal(10, forA.Count);
        Assert.Equal(10, forB.Count);
        Assert.All(forA.Concat(allOfA), e => Assert.Equal(("tenant-a", a.RunId), (e.TenantId, e.RunId)));
        Assert.All(forB, e => Assert.Equal(("tenant-b", b.RunId), (e.TenantId, e.RunId)));
        Assert.Empty(stranger);
    }

    [Fact]
    public async Task QueryAsync_IdsThatWouldSpellAnotherTenantsPartition_StayApart()
    {
        // Arrange: unescaped, both would be partition "x|c|y|c|z".
        var store = await ForensicsStore.CreateAsync(azurite);
        await store.RefundRunAsync("x", "y|c|z", Start);
        await store.RefundRunAsync("x|c|y", "z", Start);

        // Act
        var forX = await ListAsync(store.Audit.QueryAsync("x", "y|c|z", From, Until));
        var forXcy = await ListAsync(store.Audit.QueryAsync("x|c|y", "z", From, Until));

        // Assert
        Assert.All(forX, e => Assert.Equal("x", e.TenantId));
        Assert.All(forXcy, e => Assert.Equal("x|c|y", e.TenantId));
        Assert.Equal(10, forX.Count);
        Assert.Equal(10, forXcy.Count);
    }

    [Fact]
    public async Task ProjectAsync_SameAppendsAgain_LeavesTheSameRows()
    {
        // Arrange
        var store = await ForensicsStore.CreateAsync(azurite);
        var run = await store.RefundRunAsync("tenant-a", "session-7", Start);
        var before = (await store.RowsAsync(store.Tables.Audit)).Count;

        // Act
        await store.Audit.ProjectAsync(run.Events, run.State);
        await store.Audit.WriteAsync(AuditProjection.FromRun(run.Events));

        // Assert: ten actions, one row each (the day partition)
        Assert.Equal(10, before);
        Assert.Equal(before, (await store.RowsAsync(store.Tables.Audit)).Count);
    }

    [Fact]
    public async Task WriteAsync_MoreThanOneTransactionPerPartition_WritesEveryRow()
    {
        // Arrange
        var store = await ForensicsStore.CreateAsync(azurite);
        var entries = Enumerable.Range(1, 250).Select(i => new AuditEntry(
            "tenant-a", "bulk", "run-bulk", i, Start.AddMilliseconds(i), "orchestrator", nameof(ToolExecuted), "search_docs", $"s{i}", new string('x', 2000), AuditJustification.None)).ToList();

        // Act
        await store.Audit.WriteAsync(entries);
        var read = await ListAsync(store.Audit.QueryAsync("tenant-a", "bulk", From, Until));

        // Assert
        Assert.Equal(Enumerable.Range(1, 250).Select(i => (long)i), read.Select(e => e.Seq));
    }

    [Fact]
    public async Task QueryAsync_Range_FromInclusiveUntilExclusive()
    {
        // Arrange
        var store = await ForensicsStore.CreateAsync(azurite);
        await store.RefundRunAsync("tenant-a", "session-7", Start);
        var all = await ListAsync(store.Audit.QueryAsync("tenant-a", "session-7", From, Until));
        var pivot = all[4].OccurredAt;

        // Act
        var before = await ListAsync(store.Audit.QueryAsync("tenant-a", "session-7", From, pivot));
        var after = await ListAsync(store.Audit.QueryAsync("tenant-a", null, pivot, Until));

        // Assert
        Assert.Equal(all.Count, before.Count + after.Count);
        Assert.All(before, e => Assert.True(e.OccurredAt < pivot));
        Assert.All(after, e => Assert.True(e.OccurredAt >= pivot));
    }

    private static async Task<List<AuditEntry>> ListAsync(IAsyncEnumerable<AuditEntry> entries)
    {
        var list = new List<AuditEntry>();
        await foreach (var e in entries)
        {
            list.Add(e);
        }

        return list;
    }
}
