using FunctionAgents.Http.Contracts;
using FunctionAgents.Http.Problems;
using FunctionAgents.Http.Requests;
using FunctionAgents.Http.Routing;
using FunctionAgents.Runtime.Runs;
using Microsoft.AspNetCore.Http;

namespace FunctionAgents.Http.Endpoints;

public sealed partial class RunsApi
{
    /// <summary>
    /// POST /api/runs. 202 with <c>Location</c> for a new run; 200 with the same body when the Idempotency-Key
    /// already had a run (then <c>created</c> is false). The URIs in the body are root-relative.
    /// </summary>
    public Task<IResult> StartRunAsync(HttpContext context) => AsTenantAsync(context, async tenant =>
    {
        var (document, error) = await JsonBody.ReadAsync(context.Request, optional: false);
        if (error is not null)
        {
            return error;
        }

        using (document)
        {
            var keys = context.Request.Headers[ApiRoutes.IdempotencyKeyHeader];
            if (keys.Count > 1)
            {
                return ApiProblems.Validation(ApiRoutes.IdempotencyKeyHeader, "must be sent once");
            }

            var request = StartRunJson.ReadBody(document!.RootElement, tenant, keys.Count == 1 ? keys[0] : null, context.Request.Headers.TraceParent, out var errors);
            if (request is null)
            {
                return ApiProblems.Validation(errors.Select(e => e.Field == "idempotencyKey" ? e with { Field = ApiRoutes.IdempotencyKeyHeader } : e));
            }

            var started = await _commands.StartAsync(request, context.RequestAborted);
            var body = new StartRunResponse(
                started.RunId, started.Created, ApiRoutes.RunUri(started.RunId), ApiRoutes.EventsUri(started.RunId), ApiRoutes.CancelUri(started.RunId));
            if (!started.Created)
            {
                return TypedResults.Json(body, HttpJsonContext.Default.StartRunResponse, statusCode: StatusCodes.Status200OK);
            }

            context.Response.Headers.Location = body.StatusUri;
            return TypedResults.Json(body, HttpJsonContext.Default.StartRunResponse, statusCode: StatusCodes.Status202Accepted);
        }
    });
}
