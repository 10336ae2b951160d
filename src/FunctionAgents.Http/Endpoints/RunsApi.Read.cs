using System.Globalization;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Http.Contracts;
using FunctionAgents.Http.Problems;
using FunctionAgents.Runtime.Projections;
using Microsoft.AspNetCore.Http;

namespace FunctionAgents.Http.Endpoints;

public sealed partial class RunsApi
{
    /// <summary>Largest page a listing returns.</summary>
    public const int MaxPageSize = 200;

    /// <summary>GET /api/runs/{runId}: the run's state, folded from its journal.</summary>
    public Task<IResult> GetRunAsync(HttpContext context, string runId) => AsTenantAsync(context, async tenant =>
        await _commands.GetAsync(tenant, runId, context.RequestAborted) is { } state
            ? TypedResults.Json(RunViews.From(state), HttpJsonContext.Default.RunView)
            : RunNotFound(runId));

    /// <summary>
    /// GET /api/runs?status=&amp;from=&amp;to=&amp;pageSize=&amp;continuationToken= : the caller's runs, a page at a time.
    /// <c>from</c> is inclusive and <c>to</c> exclusive, both compared with the run's creation time.
    /// </summary>
    public Task<IResult> ListRunsAsync(HttpContext context) => AsTenantAsync(context, async tenant =>
    {
        var query = context.Request.Query;
        var errors = new List<FieldError>();
        RunStatus? status = null;
        if (Single(query, "status", errors) is { } statusText)
        {
            if (RunStatusNames.TryParse(statusText, out var parsed) && parsed != RunStatus.NotStarted)
            {
                status = parsed;
            }
            else
            {
                errors.Add(new FieldError("status", $"must be one of {string.Join(", ", RunStatusNames.Listable)}"));
            }
        }

        var from = Time(query, "from", errors);
        var to = Time(query, "to", errors);
        if (from is not null && to is not null && to < from)
        {
            errors.Add(new FieldError("to", "must not be before from"));
        }

        var pageSize = 50;
        if (Single(query, "pageSize", errors) is { } sizeText
            && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            errors.Add(new FieldError("pageSize", $"must be an integer from 1 to {MaxPageSize}"));
        }

        var token = Single(query, "continuationToken", errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        RunPage page;
        try
        {
            page = await _commands.ListAsync(new RunQuery(tenant, status, from, to, token, pageSize), context.RequestAborted);
        }
        catch (FormatException)
        {
            return ApiProblems.Validation("continuationToken", "is not a token this API issued");
        }

        return TypedResults.Json(new RunListResponse([.. page.Runs.Select(RunViews.From)], page.ContinuationToken), HttpJsonContext.Default.RunListResponse);
    });

    private static string? Single(IQueryCollection query, string name, List<FieldError> errors)
    {
        var values = query[name];
        if (values.Count > 1)
        {
            errors.Add(new FieldError(name, "must be given once"));
            return null;
        }

        return values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
    }

    private static DateTimeOffset? Time(IQueryCollection query, string name, List<FieldError> errors)
    {
        if (Single(query, name, errors) is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        errors.Add(new FieldError(name, "must be an ISO 8601 date or date-time, e.g. 2025-01-31T00:00:00Z"));
        return null;
    }
}
