using System.Globalization;
using FunctionAgents.Domain.Evaluation.Reporting;
using FunctionAgents.Domain.Evaluation;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Http.Auth;
using FunctionAgents.Http.Problems;
using FunctionAgents.Http.Requests;
using FunctionAgents.Runtime.Evaluation;
using Microsoft.AspNetCore.Http;

namespace FunctionAgents.Http.Evaluations;

/// <summary>
/// The evaluation API: start an evaluation of the caller's runs for a window of UTC days, and read reports. Reports
/// are tenant-scoped: another tenant's evaluation answers 404, like an unknown one.
/// </summary>
public sealed class EvaluationsApi
{
    private static readonly string[] StartFields = ["from", "to"];
    private readonly EvaluationService _evaluations;
    private readonly TenantGate _gate;

    public EvaluationsApi(EvaluationService evaluations, TenantGate gate)
    {
        _evaluations = evaluations;
        _gate = gate;
    }

    /// <summary>
    /// POST /api/evaluations { from, to } (ISO dates, at most 31 days): replays and scores the caller's finished runs of
    /// those UTC days and answers 201 with the report. The evaluation is journaled like the nightly one.
    /// </summary>
    public Task<IResult> StartAsync(HttpContext context) => _gate.RunAsync(context, async tenant =>
    {
        var (document, error) = await JsonBody.ReadAsync(context.Request, optional: false);
        if (error is not null)
        {
            return error;
        }

        using (document)
        {
            var errors = new List<FieldError>();
            var fields = BodyFields.Read(document!.RootElement, StartFields, errors);
            var from = Day(BodyFields.String(fields, "from", 10, errors), "from", errors);
            var to = Day(BodyFields.String(fields, "to", 10, errors), "to", errors);
            if (errors.Count == 0 && to < from)
            {
                errors.Add(new FieldError("to", "must not be before from"));
            }
            else if (errors.Count == 0 && to!.Value.DayNumber - from!.Value.DayNumber + 1 > EvaluationRequest.MaxDays)
            {
                errors.Add(new FieldError("to", $"must be at most {EvaluationRequest.MaxDays - 1} days after from (a window covers at most {EvaluationRequest.MaxDays} days)"));
            }

            if (errors.Count > 0)
            {
                return ApiProblems.Validation(errors);
            }

            var report = await _evaluations.EvaluateAsync(
                new EvaluationRequest(from!.Value, to!.Value, tenant, EvaluationRequest.Manual), cancellationToken: context.RequestAborted);
            return Report(report, StatusCodes.Status201Created);
        }
    });

    /// <summary>GET /api/evaluations/latest: the caller's most recent report, or 404 when there is none.</summary>
    public Task<IResult> GetLatestAsync(HttpContext context) => _gate.RunAsync(context, async tenant =>
        await _evaluations.GetLatestAsync(tenant, context.RequestAborted) is { } report
            ? Report(report, StatusCodes.Status200OK)
            : ApiProblems.NotFound("There is no evaluation yet."));

    /// <summary>GET /api/evaluations/{evaluationId}: one report of the caller's.</summary>
    public Task<IResult> GetAsync(HttpContext context, string evaluationId) => _gate.RunAsync(context, async tenant =>
        await _evaluations.GetReportAsync(evaluationId, tenant, context.RequestAborted) is { } report
            ? Report(report, StatusCodes.Status200OK)
            : ApiProblems.NotFound($"There is no evaluation '{evaluationId}'."));

    private static IResult Report(EvaluationReport report, int status) =>
        Results.Text(EvaluationJson.Serialize(report), "application/json; charset=utf-8", statusCode: status);

    private static DateOnly? Day(string? text, string field, List<FieldError> errors)
    {
        if (text is null)
        {
            if (!errors.Exists(e => e.Field == field))
            {
                errors.Add(new FieldError(field, "is required: a UTC date such as 2026-11-21"));
            }

            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(new FieldError(field, "must be a date written yyyy-MM-dd"));
        return null;
    }
}
