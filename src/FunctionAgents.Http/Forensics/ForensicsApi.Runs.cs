using System.Globalization;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Http.Problems;
using FunctionAgents.Runtime.Forensics;
using Microsoft.AspNetCore.Http;

namespace FunctionAgents.Http.Forensics;

public sealed partial class ForensicsApi
{
    /// <summary>GET /api/runs/{runId}/timeline: every event of the run in order, explained in plain English.</summary>
    public Task<IResult> GetTimelineAsync(HttpContext context, string runId) => AsTenantAsync(context, async tenant =>
        await _runs.TimelineAsync(tenant, runId, context.RequestAborted) is { } timeline
            ? TypedResults.Json(timeline, ForensicsJsonContext.Default.RunTimeline)
            : RunNotFound(runId));

    /// <summary>GET /api/runs/{runId}/state?atSeq=N: the run's state right after event N (the fold of events 1..N).</summary>
    public Task<IResult> GetStateAsync(HttpContext context, string runId) => AsTenantAsync(context, async tenant =>
    {
        var errors = new List<FieldError>();
        var text = Single(context.Request.Query, "atSeq", errors);
        long atSeq = 0;
        if (errors.Count == 0 && text is null)
        {
            errors.Add(new FieldError("atSeq", "is required: the Seq (1 or more) of the event after which to show the state"));
        }
        else if (errors.Count == 0 && (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out atSeq) || atSeq < 1))
        {
            errors.Add(new FieldError("atSeq", $"must be a whole number of 1 or more (the Seq of an event), not '{text}'"));
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var version = await _runs.StateAtAsync(tenant, runId, atSeq, context.RequestAborted);
        if (version is null)
        {
            return RunNotFound(runId);
        }

        return version.IsBeyondEnd
            ? ApiProblems.Validation("atSeq", $"must be at most {version.State.LastSeq}, the run's last Seq")
            : TypedResults.Json(version.State, ForensicsJsonContext.Default.RunState);
    });
}
