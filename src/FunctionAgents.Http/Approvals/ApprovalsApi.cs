using System.Collections.Concurrent;
using System.Globalization;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Http.Auth;
using FunctionAgents.Http.Contracts;
using FunctionAgents.Http.Dashboard;
using FunctionAgents.Http.Problems;
using FunctionAgents.Http.Routing;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Runs;
using Microsoft.AspNetCore.Http;

namespace FunctionAgents.Http.Approvals;

/// <summary>
/// GET /api/approvals: the approval queue across the caller's runs. The run index finds the runs awaiting approval
/// (a page at a time, through the same opaque token as GET /api/runs); each run's pending steps come from its state,
/// folded from the journal, so an approval shown here is one the approvals route accepts.
/// </summary>
public sealed class ApprovalsApi
{
    /// <summary>Largest number of runs one page reads.</summary>
    public const int MaxPageSize = 200;

    // Folding runs is I/O bound; a few at a time keeps a full page quick without flooding storage.
    private const int Parallelism = 8;

    private readonly RunCommands _commands;
    private readonly TenantGate _gate;

    public ApprovalsApi(RunCommands commands, TenantGate gate)
    {
        _commands = commands;
        _gate = gate;
    }

    /// <summary>GET /api/approvals?pageSize=&amp;continuationToken= : pending approvals of up to <c>pageSize</c> runs (default 50).</summary>
    public Task<IResult> ListAsync(HttpContext context) => _gate.RunAsync(context, async tenant =>
    {
        var query = context.Request.Query;
        var errors = new List<FieldError>();
        var pageSize = 50;
        if (QueryValues.Single(query, "pageSize", errors) is { } sizeText
            && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            errors.Add(new FieldError("pageSize", $"must be an integer from 1 to {MaxPageSize}"));
        }

        var token = QueryValues.Single(query, "continuationToken", errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        RunPage page;
        try
        {
            page = await _commands.ListAsync(new RunQuery(tenant, RunStatus.AwaitingApproval, null, null, token, pageSize), context.RequestAborted);
        }
        catch (FormatException)
        {
            return ApiProblems.Validation("continuationToken", "is not a token this API issued");
        }

        var items = new ConcurrentBag<ApprovalQueueItem>();
        await Parallel.ForEachAsync(
            page.Runs,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = context.RequestAborted },
            async (run, cancellationToken) =>
            {
                // The index may trail the journal: a run it still lists as waiting may have moved on, so its state decides.
                if (await _commands.GetAsync(tenant, run.RunId, cancellationToken) is { } state)
                {
                    foreach (var pending in state.PendingApprovals)
                    {
                        items.Add(Item(state, pending));
                    }
                }
            });

        var ordered = items.OrderBy(i => i.Approval.ExpiresAt).ThenBy(i => i.RunId, StringComparer.Ordinal).ThenBy(i => i.Approval.StepId, StringComparer.Ordinal).ToList();
        return TypedResults.Json(new ApprovalQueueResponse(ordered, page.ContinuationToken), DashboardJsonContext.Default.ApprovalQueueResponse);
    });

    private static ApprovalQueueItem Item(RunState state, PendingApproval pending) => new(
        state.RunId,
        state.Goal,
        state.CorrelationId,
        state.StartedAt,
        state.CostUsd,
        state.FindStep(pending.StepId)?.Objective,
        new PendingApprovalView(
            pending.StepId,
            pending.Tool,
            pending.Input,
            pending.Rules.Count > 0 ? pending.Rules[0].Name : null,
            pending.Rules,
            pending.Reason,
            pending.PolicyVersion,
            pending.ExpiresAt,
            pending.OnTimeout,
            ApiRoutes.ApprovalUri(state.RunId, pending.StepId)));
}

/// <summary>GET /api/approvals: the steps waiting for a decision in one page of the caller's runs, soonest expiry first.</summary>
/// <param name="ContinuationToken">The token for the next page of runs awaiting approval; null on the last.</param>
public sealed record ApprovalQueueResponse(IReadOnlyList<ApprovalQueueItem> Approvals, string? ContinuationToken);

/// <summary>One step waiting for a human, with the run it belongs to and what the step was planned to do.</summary>
/// <param name="Objective">The plan's objective for the step, so an approver reads what the agent meant to do.</param>
public sealed record ApprovalQueueItem(
    string RunId,
    string Goal,
    string CorrelationId,
    DateTimeOffset? RunCreatedAt,
    decimal RunCostUsd,
    string? Objective,
    PendingApprovalView Approval);
