using FunctionAgents.Http.Auth;
using FunctionAgents.Http.Problems;
using FunctionAgents.Runtime.Privacy;
using Microsoft.AspNetCore.Http;

namespace FunctionAgents.Http.Privacy;

/// <summary>
/// <c>POST /api/subjects/{subjectId}/erase</c>: crypto-shreds a data subject of the caller's tenant. Needs the tenant's
/// API key and an admin key (<see cref="AdminKeyRing.Header"/>): 403 without it, 404 for a subject with no data,
/// 200 with the erasure record (again 200, <c>already_erased</c>, when repeated).
/// </summary>
public sealed class SubjectsApi
{
    private readonly SubjectEraser _eraser;
    private readonly TenantGate _gate;
    private readonly AdminKeyRing _admins;

    public SubjectsApi(SubjectEraser eraser, TenantGate gate, AdminKeyRing admins)
    {
        _eraser = eraser;
        _gate = gate;
        _admins = admins;
    }

    public Task<IResult> EraseAsync(HttpContext context, string subjectId) => _gate.RunAsync(context, async tenant =>
    {
        var header = context.Request.Headers[AdminKeyRing.Header];
        if (header.Count != 1 || _admins.FindAdmin(header[0]) is not { } admin)
        {
            return new ProblemResult(new Problem(
                "urn:functionagents:problem:forbidden", "An admin key is required.", 403, $"Erasing a data subject needs an admin key ({PrivacySettingNames.AdminKeys}) in the {AdminKeyRing.Header} header."));
        }

        if (string.IsNullOrWhiteSpace(subjectId) || subjectId.Length > 256)
        {
            return ApiProblems.Validation("subjectId", "must be 1 to 256 characters");
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
}

/// <summary>The answer to <c>POST /api/subjects/{id}/erase</c>.</summary>
/// <param name="Status"><c>erased</c> or <c>already_erased</c>.</param>
/// <param name="SubjectRef">The subject's pseudonymous reference, as the erasure log records it.</param>
public sealed record ErasureResponse(string Status, string SubjectRef, DateTimeOffset ErasedAt, string By, IReadOnlyList<string> RunIds, int KeysDestroyed);
