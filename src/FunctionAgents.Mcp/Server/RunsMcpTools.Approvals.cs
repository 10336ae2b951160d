using System.ComponentModel;
using System.Text.Json;
using System.Text;
using FunctionAgents.Domain.Forensics.Explaining;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Http.Contracts;
using FunctionAgents.Runtime.Projections;
using ModelContextProtocol.Server;
using ModelContextProtocol;

namespace FunctionAgents.Mcp.Server;

internal sealed partial class RunsMcpTools
{
    private const int PendingRunsScanned = 200;

    [McpServerTool(Name = "explain_run", ReadOnly = true), Description("A run's journal in plain English, one line per event.")]
    public async Task<string> ExplainRunAsync([Description("The run id.")] string runId, CancellationToken cancellationToken = default)
    {
        var events = await _commands.ReadEventsAsync(_caller.Tenant, runId, 1, long.MaxValue, cancellationToken) ?? throw NoSuchRun(runId);
        var text = new StringBuilder();
        await foreach (var e in events.WithCancellation(cancellationToken))
        {
            var explained = EventExplainer.Explain(e);
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{e.Seq}. {e.OccurredAt:u} {explained.Title}: {explained.Summary}\n");
        }

        return text.ToString();
    }

    [McpServerTool(Name = "list_pending_approvals", ReadOnly = true), Description("Every step of your runs that waits for a human decision.")]
    public async Task<string> ListPendingApprovalsAsync(CancellationToken cancellationToken = default)
    {
        var tenant = _caller.Tenant;
        var page = await _commands.ListAsync(new RunQuery(tenant, RunStatus.AwaitingApproval, null, null, null, PendingRunsScanned), cancellationToken);
        var pending = new List<object>();
        foreach (var summary in page.Runs)
        {
            if (await _commands.GetAsync(tenant, summary.RunId, cancellationToken) is { } state)
            {
                pending.AddRange(RunViews.From(state).PendingApprovals.Select(a => new { runId = state.RunId, goal = state.Goal, approval = a }));
            }
        }

        return JsonSerializer.Serialize(pending, PendingJson);
    }

    [McpServerTool(Name = "decide_approval"), Description("Approves or rejects a step that waits for a human decision.")]
    public async Task<string> DecideApprovalAsync(
        [Description("The run id.")] string runId,
        [Description("The step id (from list_pending_approvals).")] string stepId,
        [Description("approve or reject.")] string decision,
        [Description("Optional comment, recorded in the journal.")] string? comment = null,
        CancellationToken cancellationToken = default)
    {
        if (decision is not ("approve" or "reject"))
        {
            throw new McpException("decision must be 'approve' or 'reject'");
        }

        var tenant = _caller.Tenant;
        var result = await _commands.DecideApprovalAsync(tenant, runId, stepId, decision == "approve", "mcp:" + tenant, comment, cancellationToken);
        return Outcome(result, runId, stepId, decision);
    }

    private static readonly JsonSerializerOptions PendingJson = new(HttpJsonContext.Default.Options)
    {
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(
            HttpJsonContext.Default, new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()),
    };
}
