using System.Text.Json;
using FunctionAgents.Runtime.Tests.Forensics.Support.Desk;
using FunctionAgents.Runtime.Tests.Forensics.Support;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Forensics.Audit;
using FunctionAgents.Runtime.Forensics;

namespace FunctionAgents.Runtime.Tests.Forensics.Audit;

public sealed class AuditProjectionTests
{
    private static readonly DateTimeOffset From = ScriptedRun.DefaultStart.AddDays(-1);
    private static readonly DateTimeOffset Until = ScriptedRun.DefaultStart.AddDays(1);

    [Fact]
    public async Task Projection_RealisticRun_RecordsEveryActionInOrderWithItsJustification()
    {
        // Arrange
        var desk = new SupportDesk();
        var runId = await desk.CompleteRunAsync();

        // Act
        var entries = await ToListAsync(desk.Audit.QueryAsync("tenant-a", "session-7", From, Until));

        // Assert
        Assert.Equal(
            [
                nameof(RunStarted), nameof(ModelCalled), nameof(PlanGenerated),
                nameof(ToolApproved), nameof(ToolExecuted),
                nameof(ApprovalRequested), nameof(HumanApproved), nameof(ToolExecuted),
                nameof(ToolApproved), nameof(ToolExecuted),
                nameof(ResponseFinalized), nameof(RunCompleted),
            ],
            entries.Select(e => e.Action));
        Assert.Equal(entries.OrderBy(e => e.Seq).Select(e => e.Seq), entries.Select(e => e.Seq));
        Assert.All(entries, e => Assert.Equal(runId, e.RunId));

        var model = entries.Single(e => e.Action == nameof(ModelCalled)).Justification;
        Assert.Equal(("gpt-4o", "plan-v3"), (model.Model, model.PromptVersion));
        var plan = entries.Single(e => e.Action == nameof(PlanGenerated)).Justification;
        Assert.Equal(("gpt-4o", "plan-v3"), (plan.Model, plan.PromptVersion));

        var asked = entries.Single(e => e.Action == nameof(ApprovalRequested));
        Assert.Equal("send_email", asked.Tool);
        Assert.Equal(["deny_external_email_without_approval"], asked.Justification.Rules);
        Assert.Equal(ScriptedRun.PolicyVersion, asked.Justification.PolicyVersion);

        var mailed = entries.Where(e => e.Action == nameof(ToolExecuted)).Single(e => e.Tool == "send_email").Justification;
        Assert.Equal(("human", "ana", "checked the address"), (mailed.DecidedBy, mailed.Approver, mailed.Comment));
        Assert.Equal(["deny_external_email_without_approval"], mailed.Rules);

        var searched = entries.Where(e => e.Action == nameof(ToolExecuted)).Single(e => e.Tool == "search_docs").Justification;
        Assert.Equal(("policy", "allow_search_docs"), (searched.DecidedBy, searched.Rules.Single()));

        Assert.Equal("offline", entries.Single(e => e.Action == nameof(ResponseFinalized)).Justification.Model);
    }

    [Fact]
    public async Task FromRun_RebuildFromTheJournal_EqualsWhatWasProjectedLive()
    {
        // Arrange
        var desk = new SupportDesk();
        var runId = await desk.CompleteRunAsync();
        var live = await ToListAsync(desk.Audit.QueryAsync("tenant-a", null, From, Until));

        // Act
        var rebuilt = AuditProjection.FromRun(await desk.EventsAsync(runId));

        // Assert
        Assert.Equal(Json(live), Json(rebuilt));
    }

    [Fact]
    public async Task ProjectAsync_SameBatchTwice_WritesNothingNew()
    {
        // Arrange
        var desk = new SupportDesk();
        var runId = await desk.CompleteRunAsync();
        var events = await desk.EventsAsync(runId);
        var before = desk.Audit.Count;

        // Act
        await new AuditProjection(desk.Audit).ProjectAsync(events, RunEvolver.Fold(events));

        // Assert
        Assert.Equal(before, desk.Audit.Count);
    }

    [Fact]
    public async Task QueryAsync_TwoTenantsSharingACorrelationId_NeverSeeEachOther()
    {
        // Arrange
        var desk = new SupportDesk();
        var runA = await desk.CompleteRunAsync("tenant-a", "shared-session");
        var runB = await desk.CompleteRunAsync("tenant-b", "shared-session");

        // Act
        var a = await ToListAsync(desk.Audit.QueryAsync("tenant-a", "shared-session", From, Until));
        var b = await ToListAsync(desk.Audit.QueryAsync("tenant-b", null, From, Until));

        // Assert
        Assert.NotEmpty(a);
        Assert.All(a, e => Assert.Equal(("tenant-a", runA), (e.TenantId, e.RunId)));
        Assert.All(b, e => Assert.Equal(("tenant-b", runB), (e.TenantId, e.RunId)));
    }

    [Fact]
    public async Task QueryAsync_TimeRange_IsInclusiveFromAndExclusiveUntil()
    {
        // Arrange
        var desk = new SupportDesk();
        await desk.CompleteRunAsync();
        var all = await ToListAsync(desk.Audit.QueryAsync("tenant-a", null, From, Until));
        var pivot = all[3].OccurredAt;

        // Act
        var before = await ToListAsync(desk.Audit.QueryAsync("tenant-a", null, From, pivot));
        var after = await ToListAsync(desk.Audit.QueryAsync("tenant-a", null, pivot, Until));

        // Assert
        Assert.Equal(all.Count, before.Count + after.Count);
        Assert.All(before, e => Assert.True(e.OccurredAt < pivot));
        Assert.Equal(pivot, after[0].OccurredAt);
    }

    [Fact]
    public async Task Formatter_MarkdownAndJson_CarryEveryRowAndItsJustification()
    {
        // Arrange
        var desk = new SupportDesk();
        await desk.CompleteRunAsync();
        var entries = desk.Audit.QueryAsync("tenant-a", "session-7", From, Until);
        var markdown = new StringWriter();
        var json = new StringWriter();

        // Act
        var rows = await AuditFormatter.WriteMarkdownAsync(markdown, "Audit of session-7", entries);
        var items = await AuditFormatter.WriteJsonAsync(json, desk.Audit.QueryAsync("tenant-a", "session-7", From, Until));

        // Assert
        Assert.Equal(12, rows);
        Assert.Equal(12, items);
        Assert.Contains("| ToolExecuted | send_email |", markdown.ToString(), StringComparison.Ordinal);
        Assert.Contains("rule deny_external_email_without_approval; policy 3f2a…; decided by human; by ana: \"checked the address\"", markdown.ToString(), StringComparison.Ordinal);
        using var parsed = JsonDocument.Parse(json.ToString());
        Assert.Equal(12, parsed.RootElement.GetArrayLength());
        Assert.Equal("ana", parsed.RootElement[6].GetProperty("justification").GetProperty("approver").GetString());
    }

    private static async Task<List<AuditEntry>> ToListAsync(IAsyncEnumerable<AuditEntry> entries)
    {
        var list = new List<AuditEntry>();
        await foreach (var e in entries)
        {
            list.Add(e);
        }

        return list;
    }

    private static string Json(IEnumerable<AuditEntry> entries) =>
        JsonSerializer.Serialize(entries.ToList(), ForensicsJsonContext.Default.ListAuditEntry);
}
