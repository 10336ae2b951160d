using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Forensics.Signing;
using FunctionAgents.Runtime.Forensics.Verification;
using FunctionAgents.Runtime.Tests.Forensics.Support.Desk;
using FunctionAgents.Runtime.Tests.Forensics.Support;
using FunctionAgents.Testing.Stores;

namespace FunctionAgents.Runtime.Tests.Forensics.Verification;

public sealed class ChainAuditTests
{
    [Fact]
    public async Task VerifyRunAsync_UntouchedRealisticRun_IsValidAndFullyAnchored()
    {
        // Arrange
        var desk = new SupportDesk();
        var runId = await desk.CompleteRunAsync();
        var audit = new ChainAudit(desk.Journal, desk.Checkpoints);

        // Act
        var result = await audit.VerifyRunAsync(runId, (await desk.Index.GetAsync("tenant-a", runId))!.LastSeq);

        // Assert
        Assert.True(result.IsValid, result.Problem);
        Assert.True(result.CheckpointsChecked > 5);
        Assert.Equal(0, result.UnanchoredEvents);
    }

    [Fact]
    public async Task VerifyRunAsync_PayloadEdited_NamesThatSeq()
    {
        // Arrange
        var (journal, checkpoints, runId) = await CopyOfARunAsync();
        journal.Rows[4] = journal.Rows[4] with { Payload = journal.Rows[4].Payload.Replace("search_docs", "query_sql", StringComparison.Ordinal) };

        // Act
        var result = await new ChainAudit(journal, checkpoints).VerifyRunAsync(runId);

        // Assert
        Assert.Equal(5, result.FirstBadSeq);
    }

    [Fact]
    public async Task VerifyRunAsync_EditCoveredByRecomputingTheChain_IsCaughtByTheCheckpoints()
    {
        // Arrange
        var (journal, checkpoints, runId) = await CopyOfARunAsync();
        var approval = journal.Rows.FindIndex(r => r.Type == nameof(HumanApproved));
        journal.Rows[approval] = journal.Rows[approval] with { Payload = journal.Rows[approval].Payload.Replace("\"ana\"", "\"eve\"", StringComparison.Ordinal) };
        journal.Rechain(approval);

        // Act
        var chainOnly = await new ChainAudit(journal).VerifyRunAsync(runId);
        var anchored = await new ChainAudit(journal, checkpoints).VerifyRunAsync(runId);

        // Assert
        Assert.True(chainOnly.IsValid);
        Assert.False(anchored.IsValid);
        Assert.Equal(approval + 1, anchored.FirstBadSeq);
        Assert.Contains("chain recomputed", anchored.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyRunAsync_LastEventsRemoved_IsCaughtByCheckpointsAndByTheIndex()
    {
        // Arrange
        var (journal, checkpoints, runId) = await CopyOfARunAsync();
        var count = journal.Rows.Count;
        journal.Rows.RemoveRange(count - 2, 2);

        // Act
        var byCheckpoints = await new ChainAudit(journal, checkpoints).VerifyRunAsync(runId);
        var byIndex = await new ChainAudit(journal).VerifyRunAsync(runId, indexedLastSeq: count);

        // Assert
        Assert.Equal(count - 1, byCheckpoints.FirstBadSeq);
        Assert.Equal(count - 1, byIndex.FirstBadSeq);
        Assert.Contains("removed from the end", byIndex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyRunAsync_EventAppendedAfterTheEnd_IsCaughtEvenWithAValidHash()
    {
        // Arrange
        var (journal, checkpoints, runId) = await CopyOfARunAsync();
        var last = journal.Rows[^1];
        var forged = last with { Seq = last.Seq + 1, Type = nameof(ResponseFinalized), Payload = """{"text":"forged"}""", PrevHash = last.Hash };
        journal.Rows.Add(forged with { Hash = forged.ComputeHash() });

        // Act
        var result = await new ChainAudit(journal, checkpoints).VerifyRunAsync(runId);

        // Assert
        Assert.Equal(last.Seq + 1, result.FirstBadSeq);
        Assert.Contains("follows the run's end", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyRunAsync_WholeRunDeleted_IsCaughtByTheCheckpoints()
    {
        // Arrange
        var (journal, checkpoints, runId) = await CopyOfARunAsync();
        journal.Rows.Clear();

        // Act
        var result = await new ChainAudit(journal, checkpoints).VerifyRunAsync(runId);

        // Assert
        Assert.Equal(1, result.FirstBadSeq);
        Assert.Contains("deleted", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyRunAsync_StartThatNeverReachedTheJournal_IsNotReportedAsTampering()
    {
        // Act
        var result = await new ChainAudit(new EditableJournal(), new InMemoryChainCheckpoints()).VerifyRunAsync("run-orphan", indexedLastSeq: 1);

        // Assert
        Assert.True(result.IsValid);
        Assert.Equal(0, result.EventsChecked);
    }

    [Fact]
    public async Task VerifyRunsAsync_ManyRunsOneBroken_ReportsOnlyThatOneWithProgress()
    {
        // Arrange
        var desk = new SupportDesk();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await desk.CompleteRunAsync(correlationId: $"s-{i}"));
        }

        var (journal, checkpoints, _) = await CopyOfRunsAsync(desk, ids);
        var victim = journal.Rows.FindIndex(r => r.RunId == ids[1] && r.Seq == 3);
        journal.Rows[victim] = journal.Rows[victim] with { Actor = "human" };
        var seen = new List<RunVerification>();

        // Act
        var report = await new ChainAudit(journal, checkpoints).VerifyRunsAsync(
            desk.Index.Runs.OrderBy(r => r.CreatedAt), new Collect(seen));

        // Assert
        Assert.Equal(3, report.RunsChecked);
        Assert.Equal(ids[1], Assert.Single(report.Broken).RunId);
        Assert.Equal(3, report.Broken[0].FirstBadSeq);
        Assert.Equal(3, seen.Count);
    }

    [Fact]
    public async Task VerifyRunsAsync_TrustedKeyManyRuns_ResultsInTheGivenOrderAndOnlyTheForgedRunBroken()
    {
        // Arrange: five runs whose checkpoints are signed; the fourth's by a key nobody trusts
        var desk = new SupportDesk();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await desk.CompleteRunAsync(correlationId: $"t-{i}"));
        }

        using var key = CheckpointSigningKey.FromText("trusted", CheckpointSigningKey.NewPem());
        using var forger = CheckpointSigningKey.FromText("forger", CheckpointSigningKey.NewPem());
        using var trust = new CheckpointTrustSet();
        trust.Add(key.PublicKeyPem, "trusted");
        var signed = new InMemoryChainCheckpoints();
        foreach (var id in ids)
        {
            await foreach (var checkpoint in desk.Checkpoints.ReadAsync(id))
            {
                await signed.WriteAsync((id == ids[3] ? forger : key).Sign(checkpoint));
            }
        }

        var runs = ids.Select(id => desk.Index.Runs.Single(r => r.RunId == id)).Reverse().ToList();
        var seen = new List<RunVerification>();

        // Act
        var report = await new ChainAudit(desk.Journal, signed, trust).VerifyRunsAsync(runs, new Collect(seen));

        // Assert
        Assert.Equal(runs.Select(r => r.RunId), seen.Select(r => r.RunId));
        Assert.Equal(5, report.RunsChecked);
        Assert.Equal(ids[3], Assert.Single(report.Broken).RunId);
        Assert.All(seen.Where(r => r.RunId != ids[3]), r => Assert.Equal(r.EventsChecked, r.SignedThroughSeq));
    }

    private static async Task<(EditableJournal Journal, InMemoryChainCheckpoints Checkpoints, string RunId)> CopyOfARunAsync()
    {
        var desk = new SupportDesk();
        var runId = await desk.CompleteRunAsync();
        return await CopyOfRunsAsync(desk, [runId]);
    }

    private static async Task<(EditableJournal, InMemoryChainCheckpoints, string)> CopyOfRunsAsync(SupportDesk desk, List<string> runIds)
    {
        var journal = new EditableJournal();
        foreach (var runId in runIds)
        {
            journal.Rows.AddRange(await desk.EventsAsync(runId));
        }

        return (journal, desk.Checkpoints, runIds[0]);
    }

    private sealed class Collect(List<RunVerification> seen) : IProgress<RunVerification>
    {
        public void Report(RunVerification value) => seen.Add(value);
    }
}
