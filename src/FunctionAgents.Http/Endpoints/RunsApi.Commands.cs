using FunctionAgents.Domain.Runs;
using FunctionAgents.Http.Contracts;
using FunctionAgents.Http.Problems;
using FunctionAgents.Http.Requests;
using FunctionAgents.Http.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FunctionAgents.Http.Endpoints;

public sealed partial class RunsApi
{
    private static readonly string[] ApprovalFields = ["decision", "comment", "approver"];
    private static readonly string[] CancelFields = ["reason"];

    /// <summary>
    /// POST /api/runs/{runId}/approvals/{stepId} { decision: approve | reject, comment?, approver? }: 202 when recorded;
    /// 409 (with the step's phase) when the step is not awaiting approval, including a second decision.
    /// The approver defaults to <c>key:&lt;tenant&gt;</c>.
    /// </summary>
    public Task<IResult> DecideApprovalAsync(HttpContext context, string runId, string stepId) => AsTenantAsync(context, async tenant =>
    {
        var (document, error) = await JsonBody.ReadAsync(context.Request, optional: false);
        if (error is not null)
        {
            return error;
        }

        using (document)
        {
            var errors = new List<FieldError>();
            var fields = BodyFields.Read(document!.RootElement, ApprovalFields, errors);
            var decision = BodyFields.String(fields, "decision", 16, errors);
            var comment = BodyFields.String(fields, "comment", 2000, errors);
            var approver = BodyFields.String(fields, "approver", 200, errors);
            if (decision is null && !errors.Exists(e => e.Field == "decision"))
            {
                errors.Add(new FieldError("decision", "is required: approve or reject"));
            }
            else if (decision is not null and not ("approve" or "reject"))
            {
                errors.Add(new FieldError("decision", "must be approve or reject"));
            }

            if (approver is { Length: 0 })
            {
                errors.Add(new FieldError("approver", "must not be empty"));
            }

            if (errors.Count > 0)
            {
                return ApiProblems.Validation(errors);
            }

            var by = approver ?? "key:" + tenant;
            var result = await _commands.DecideApprovalAsync(tenant, runId, stepId, decision == "approve", by, comment, context.RequestAborted);
            return result.Outcome switch
            {
                CommandOutcome.Accepted => Accepted(new DecisionAccepted(runId, stepId, decision!, by, result.State!.Status, ApiRoutes.RunUri(runId))),
                CommandOutcome.Conflict => ApiProblems.Conflict(result.Detail ?? $"step {stepId} is not awaiting approval", result.State, stepId),
                _ => result.Detail is { } detail ? ApiProblems.NotFound(detail) : RunNotFound(runId),
            };
        }
    });

    /// <summary>POST /api/runs/{runId}/cancel { reason? } (the body is optional): 202, or 409 when the run has already finished.</summary>
    public Task<IResult> CancelRunAsync(HttpContext context, string runId) => AsTenantAsync(context, async tenant =>
    {
        var (document, error) = await JsonBody.ReadAsync(context.Request, optional: true);
        if (error is not null)
        {
            return error;
        }

        using (document)
        {
            var errors = new List<FieldError>();
            var fields = BodyFields.Read(document?.RootElement, CancelFields, errors);
            var reason = BodyFields.String(fields, "reason", 2000, errors);
            if (errors.Count > 0)
            {
                return ApiProblems.Validation(errors);
            }

            var by = "key:" + tenant;
            var result = await _commands.CancelAsync(tenant, runId, reason, by, context.RequestAborted);
            return result.Outcome switch
            {
                CommandOutcome.Accepted => Accepted(new DecisionAccepted(runId, null, "cancel", by, result.State!.Status, ApiRoutes.RunUri(runId))),
                CommandOutcome.Conflict => ApiProblems.Conflict(result.Detail ?? $"run {runId} has already finished", result.State),
                _ => RunNotFound(runId),
            };
        }
    });

    private static JsonHttpResult<DecisionAccepted> Accepted(DecisionAccepted body) =>
        TypedResults.Json(body, HttpJsonContext.Default.DecisionAccepted, statusCode: StatusCodes.Status202Accepted);
}
