using System.Text.Json;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Http.Routing;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Http.Contracts;

/// <summary>Maps run state and index rows to the API's views.</summary>
internal static class RunViews
{
    public static RunView From(RunState state) => new()
    {
        RunId = state.RunId,
        Status = state.Status,
        Goal = state.Goal,
        TenantId = state.TenantId,
        CorrelationId = state.CorrelationId,
        Source = state.Source,
        IdempotencyKey = state.IdempotencyKey,
        Metadata = state.Metadata,
        MaxSteps = state.MaxSteps,
        BudgetUsd = state.BudgetUsd,
        CostUsd = state.CostUsd,
        Planner = state.Planner,
        Plan = state.Plan,
        PlanErrors = state.PlanErrors,
        Steps = [.. state.Steps.Select(Step)],
        // A finished run has nothing left to approve, whatever phase its last step was left in.
        PendingApprovals = [.. state.PendingApprovals.Select(a => Pending(state.RunId, a))],
        Response = state.Response,
        Failure = state.FailureCode is { } code ? new RunFailure(code, state.FailureReason) : null,
        CancelReason = state.CancelReason,
        StoppedEarly = state.StoppedEarly,
        LastSeq = state.LastSeq,
        CreatedAt = state.StartedAt,
        UpdatedAt = state.UpdatedAt,
        FinishedAt = state.FinishedAt,
        Deadline = state.Deadline,
        Links = Links(state.RunId),
    };

    public static RunListItem From(RunSummary summary) => new(
        summary.RunId, summary.Status, summary.Goal, summary.CorrelationId, summary.Source, summary.CostUsd, summary.CreatedAt, summary.UpdatedAt, ApiRoutes.RunUri(summary.RunId));

    public static RunLinks Links(string runId) => new(ApiRoutes.RunUri(runId), ApiRoutes.EventsUri(runId), ApiRoutes.CancelUri(runId));

    private static StepView Step(StepState s) => new(
        s.Id, s.Tool, s.Objective, s.SuccessCriteria, s.Phase, s.Input, s.Decision, (s.Rules.Count > 0 ? s.Rules[0].Name : null), s.Rules, s.Reason, s.PolicyVersion,
        s.DecidedBy, s.Approver, s.ApprovalComment, s.DispatchId, s.Observation, s.CostUsd);

    private static PendingApprovalView Pending(string runId, PendingApproval a) => new(
        a.StepId, a.Tool, a.Input, (a.Rules.Count > 0 ? a.Rules[0].Name : null), a.Rules, a.Reason, a.PolicyVersion, a.ExpiresAt, a.OnTimeout, ApiRoutes.ApprovalUri(runId, a.StepId));
}

/// <summary>The answer to an approval decision or a cancel: what was recorded and the run's status after it.</summary>
public sealed record DecisionAccepted(string RunId, string? StepId, string Decision, string By, RunStatus Status, string StatusUri);

/// <summary>Why a run failed: a stable code and the reason.</summary>
public sealed record RunFailure(string Code, string? Reason);

/// <summary>Where to read and act on a run (root-relative).</summary>
public sealed record RunLinks(string Status, string Events, string Cancel);

/// <summary>One run in a listing (from the run index, which may trail the journal by a moment).</summary>
public sealed record RunListItem(
    string RunId, RunStatus Status, string Goal, string CorrelationId, string Source, decimal CostUsd, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string StatusUri);

/// <summary>GET /api/runs: one page of runs and the token for the next page (null on the last).</summary>
public sealed record RunListResponse(IReadOnlyList<RunListItem> Runs, string? ContinuationToken);

/// <summary>The answer to POST /api/runs; the URIs are root-relative (<c>/api/runs/{runId}</c>).</summary>
/// <param name="Created">False when the Idempotency-Key already had this run.</param>
public sealed record StartRunResponse(string RunId, bool Created, string StatusUri, string EventsUri, string CancelUri);

/// <summary>A tool call waiting for a human. <see cref="Rule"/> is the first matching rule; <see cref="Rules"/> has all of them.</summary>
public sealed record PendingApprovalView(
    string StepId,
    string Tool,
    JsonElement Input,
    string? Rule,
    IReadOnlyList<PolicyRuleMatch> Rules,
    string Reason,
    string PolicyVersion,
    DateTimeOffset ExpiresAt,
    PolicyAction OnTimeout,
    string ApproveUri);
