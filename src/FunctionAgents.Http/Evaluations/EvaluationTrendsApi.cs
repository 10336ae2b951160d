using System.Globalization;
using FunctionAgents.Domain.Evaluation.Trends;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Http.Auth;
using FunctionAgents.Http.Dashboard;
using FunctionAgents.Http.Problems;
using FunctionAgents.Runtime.Evaluation.Trends;
using Microsoft.AspNetCore.Http;

namespace FunctionAgents.Http.Evaluations;

/// <summary>
/// GET /api/evaluations/days?from=&amp;to= : the caller's per-day evaluation metrics (success rate, mean quality, policy
/// violations per 100 runs, cost per successful run), each day from the newest stored report that covered it.
/// </summary>
public sealed class EvaluationTrendsApi
{
    private const int DefaultDays = 30;

    private readonly EvaluationTrends _trends;
    private readonly TenantGate _gate;
    private readonly TimeProvider _clock;

    public EvaluationTrendsApi(EvaluationTrends trends, TenantGate gate, TimeProvider clock)
    {
        _trends = trends;
        _gate = gate;
        _clock = clock;
    }

    /// <summary>Both bounds are UTC days (<c>yyyy-MM-dd</c>, inclusive); <c>to</c> defaults to today and <c>from</c> to 29 days before it.</summary>
    public Task<IResult> GetDaysAsync(HttpContext context) => _gate.RunAsync(context, async tenant =>
    {
        var errors = new List<FieldError>();
        var to = Day(context.Request.Query, "to", errors) ?? DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var from = Day(context.Request.Query, "from", errors) ?? to.AddDays(1 - DefaultDays);
        if (errors.Count == 0 && to < from)
        {
            errors.Add(new FieldError("to", "must not be before from"));
        }
        else if (errors.Count == 0 && to.DayNumber - from.DayNumber + 1 > EvaluationTrends.MaxDays)
        {
            errors.Add(new FieldError("from", $"must be at most {EvaluationTrends.MaxDays - 1} days before to (a window covers at most {EvaluationTrends.MaxDays} days)"));
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var trend = await _trends.ForTenantAsync(tenant, from, to, context.RequestAborted);
        return TypedResults.Json(trend, DashboardJsonContext.Default.EvaluationTrend);
    });

    private static DateOnly? Day(IQueryCollection query, string name, List<FieldError> errors)
    {
        if (QueryValues.Single(query, name, errors) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(new FieldError(name, "must be a UTC date written yyyy-MM-dd"));
        return null;
    }
}
