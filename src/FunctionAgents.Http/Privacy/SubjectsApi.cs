using FunctionAgents.Http.Auth;
using FunctionAgents.Http.Problems;
using FunctionAgents.Runtime.Privacy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Http.Privacy;

/// <summary>
/// The data-subject API. <c>POST /api/subjects/{subjectId}/erase</c>: crypto-shreds a data subject of the caller's tenant. Needs the tenant's
/// API key and an admin key (<see cref="AdminKeyRing.Header"/>): 403 without it, 404 for a subject with no data,
/// 200 with the erasure record (again 200, <c>already_erased</c>, when repeated). <c>GET /api/subjects/{subjectId}/runs</c>
/// lists the subject's runs under the same keys.
/// </summary>
public sealed class SubjectsApi
{
    private readonly SubjectEraser _eraser;
    private readonly TenantGate _gate;
    private readonly AdminKeyRing _admins;
    private readonly ILogger<SubjectsApi> _logger;

    public SubjectsApi(SubjectEraser eraser, TenantGate gate, AdminKeyRing admins, ILogger<SubjectsApi> logger)
    {
        _logger = logger;
        _eraser = eraser;
        _gate = gate;
        _admins = admins;
    }

    public Task<IResult> EraseAsync(HttpContext context, string subjectId) => _gate.RunAsync(context, async tenant =>
    {
        if (Refuse(context, subjectId, "Erasing a data subject", out var admin) is { } refused)
        {
            return refused;
        }

        var outcome = await _eraser.EraseAsync(tenant, subjectId, "admin:" + admin, context.RequestAborted);
        if (outcome.Record is not { } record)
        {
            return ApiProblems.NotFound("No personal data of this subject is held for this tenant.");
        }

        var body = new ErasureResponse(
            outcome.Status == ErasureStatus.Erased ? "erased" : "already_erased", record.SubjectRef, record.ErasedAt, record.By, record.RunIds, record.KeysDestroyed);
        return TypedResults.Json(body, PrivacyHttpJsonContext.Default.ErasureResponse);
    });

    /// <summary>
    /// <c>GET /api/subjects/{subjectId}/runs</c>: the runs of the caller's tenant a subject appears in (an access request,
    /// GDPR Art. 15). Same keys as the erasure: 403 without an admin key, 404 for a subject with no data.
    /// </summary>
    public Task<IResult> FindRunsAsync(HttpContext context, string subjectId) => _gate.RunAsync(context, async tenant =>
    {
        if (Refuse(context, subjectId, "Finding a data subject's runs", out var admin) is { } refused)
        {
            return refused;
        }

        var found = await _eraser.FindAsync(tenant, subjectId, context.RequestAborted);
        if (found is null)
        {
            return ApiProblems.NotFound("No personal data of this subject is held for this tenant.");
        }

        // Who looked a person up is part of the access request's record; the log names the reference, never the person.
        Log.SubjectRunsFound(_logger, "admin:" + admin, tenant, found.SubjectRef, found.RunIds.Count);
        var body = new SubjectRunsResponse(found.SubjectRef, found.RunIds, found.Erasure is not null, found.Erasure?.ErasedAt);
        return TypedResults.Json(body, PrivacyHttpJsonContext.Default.SubjectRunsResponse);
    });

    private IResult? Refuse(HttpContext context, string subjectId, string what, out string admin)
    {
        var header = context.Request.Headers[AdminKeyRing.Header];
        if (header.Count != 1 || _admins.FindAdmin(header[0]) is not { } found)
        {
            admin = string.Empty;
            return new ProblemResult(new Problem(
                "urn:functionagents:problem:forbidden", "An admin key is required.", 403, $"{what} needs an admin key ({PrivacySettingNames.AdminKeys}) in the {AdminKeyRing.Header} header."));
        }

        admin = found;
        return string.IsNullOrWhiteSpace(subjectId) || subjectId.Length > 256
            ? ApiProblems.Validation("subjectId", "must be 1 to 256 characters")
            : null;
    }
}

/// <summary>The answer to <c>POST /api/subjects/{id}/erase</c>.</summary>
/// <param name="Status"><c>erased</c> or <c>already_erased</c>.</param>
/// <param name="SubjectRef">The subject's pseudonymous reference, as the erasure log records it.</param>
public sealed record ErasureResponse(string Status, string SubjectRef, DateTimeOffset ErasedAt, string By, IReadOnlyList<string> RunIds, int KeysDestroyed);
