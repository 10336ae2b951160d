using System.Globalization;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Http.Problems;
using Microsoft.AspNetCore.Http;

namespace FunctionAgents.Http.Endpoints;

public sealed partial class RunsApi
{
    /// <summary>
    /// GET /api/runs/{runId}/events?fromSeq=&amp;toSeq=&amp;view= : the journal events as stored (payload as JSON; the
    /// default, so any client can recompute the chain) or, with <c>view=revealed</c>, decrypted for the owning tenant (what
    /// a live view shows; the SSE stream is always revealed), streamed as they are read so a long run never sits in memory.
    /// </summary>
    public Task<IResult> GetEventsAsync(HttpContext context, string runId) => AsTenantAsync(context, async tenant =>
    {
        var errors = new List<FieldError>();
        var fromSeq = Seq(context.Request.Query, "fromSeq", errors) ?? 1;
        var toSeq = Seq(context.Request.Query, "toSeq", errors) ?? long.MaxValue;
        var view = Single(context.Request.Query, "view", errors) ?? "stored";
        if (view is not ("stored" or "revealed"))
        {
            errors.Add(new FieldError("view", "must be stored or revealed"));
        }

        if (errors.Count == 0 && toSeq < fromSeq)
        {
            errors.Add(new FieldError("toSeq", $"must not be less than fromSeq ({fromSeq})"));
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var events = view == "revealed"
            ? await _commands.ReadRevealedEventsAsync(tenant, runId, fromSeq, toSeq, context.RequestAborted)
            : await _commands.ReadEventsAsync(tenant, runId, fromSeq, toSeq, context.RequestAborted);
        return events is null ? RunNotFound(runId) : new EventStreamResult(runId, events);
    });

    private static long? Seq(IQueryCollection query, string name, List<FieldError> errors)
    {
        if (Single(query, name, errors) is not { } text)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) && seq >= 1)
        {
            return seq;
        }

        errors.Add(new FieldError(name, "must be a positive integer"));
        return null;
    }
}
