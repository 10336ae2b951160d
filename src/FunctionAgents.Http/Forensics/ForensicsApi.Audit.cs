using System.Globalization;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Http.Problems;
using Microsoft.AspNetCore.Http;

namespace FunctionAgents.Http.Forensics;

public sealed partial class ForensicsApi
{
    /// <summary>The longest range one audit request covers.</summary>
    public const int MaxAuditDays = 366;

    private const int DefaultAuditDays = 7;

    /// <summary>
    /// GET /api/audit?correlationId=&amp;from=&amp;to= : the caller's actions (for one correlation id, or all) with
    /// <c>from</c> &lt;= time &lt; <c>to</c>, in order, each with its justification; streamed as a JSON array.
    /// Defaults: <c>to</c> now, <c>from</c> seven days earlier.
    /// </summary>
    public Task<IResult> GetAuditAsync(HttpContext context) => AsTenantAsync(context, tenant =>
    {
        var query = context.Request.Query;
        var errors = new List<FieldError>();
        var correlationId = Single(query, "correlationId", errors);
        if (correlationId is { Length: > 128 })
        {
            errors.Add(new FieldError("correlationId", "must be at most 128 characters"));
        }

        var until = Time(query, "to", errors) ?? _clock.GetUtcNow();
        var from = Time(query, "from", errors) ?? until.AddDays(-DefaultAuditDays);
        if (errors.Count == 0 && until <= from)
        {
            errors.Add(new FieldError("to", "must be after from"));
        }
        else if (errors.Count == 0 && (until - from).TotalDays > MaxAuditDays)
        {
            errors.Add(new FieldError("from", $"must be at most {MaxAuditDays} days before to"));
        }

        return Task.FromResult(errors.Count > 0
            ? ApiProblems.Validation(errors)
            : new AuditStreamResult(_audit.QueryAsync(tenant, correlationId, from, until, context.RequestAborted)));
    });

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

        errors.Add(new FieldError(name, "must be an ISO 8601 date or date-time, e.g. 2026-03-01T00:00:00Z"));
        return null;
    }
}
