using FunctionAgents.Http.Auth;
using FunctionAgents.Http.Problems;
using FunctionAgents.Runtime.Forensics.Verification;
using FunctionAgents.Runtime.Forensics;
using FunctionAgents.Runtime.Projections;
using Microsoft.AspNetCore.Http;

namespace FunctionAgents.Http.Forensics;

/// <summary>
/// GET /api/runs/{runId}/verification: <c>fa verify --run</c> over HTTP for the caller's run. The hash chain is recomputed
/// from storage and compared with the chain checkpoints and the run index's LastSeq, so edits, insertions and events
/// removed from the end are all reported with the first Seq that cannot be trusted.
/// </summary>
public sealed class RunVerificationApi
{
    private readonly ChainAudit _audit;
    private readonly IRunIndex _index;
    private readonly TenantGate _gate;

    public RunVerificationApi(ChainAudit audit, IRunIndex index, TenantGate gate)
    {
        _audit = audit;
        _index = index;
        _gate = gate;
    }

    public Task<IResult> VerifyAsync(HttpContext context, string runId) => _gate.RunAsync(context, async tenant =>
    {
        // The index says whose run it is; an unknown run and another tenant's answer the same 404.
        if (await _index.GetAsync(tenant, runId, context.RequestAborted) is not { } summary)
        {
            return ApiProblems.NotFound($"There is no run '{runId}'.");
        }

        var result = await _audit.VerifyRunAsync(runId, summary.LastSeq, context.RequestAborted);
        return TypedResults.Json(result, ForensicsJsonContext.Default.RunVerification);
    });
}
