using FunctionAgents.Domain.Runs;
using FunctionAgents.Http.Auth;
using FunctionAgents.Http.Problems;
using FunctionAgents.Runtime.Forensics.Audit;
using FunctionAgents.Runtime.Forensics;
using Microsoft.AspNetCore.Http;

namespace FunctionAgents.Http.Forensics;

/// <summary>
/// The forensic API as plain handlers over <see cref="HttpContext"/>, like the runs API: each authenticates the
/// <c>x-functions-key</c> header to a tenant and reads only that tenant's data (another tenant's run answers 404, like an
/// unknown one); errors are problem+json.
/// </summary>
public sealed partial class ForensicsApi
{
    private readonly RunForensics _runs;
    private readonly IAuditLog _audit;
    private readonly TenantGate _gate;
    private readonly TimeProvider _clock;

    public ForensicsApi(RunForensics runs, IAuditLog audit, TenantGate gate, TimeProvider clock)
    {
        _runs = runs;
        _audit = audit;
        _gate = gate;
        _clock = clock;
    }

    /// <summary>Runs <paramref name="handle"/> for the caller's tenant through the shared <see cref="TenantGate"/>.</summary>
    private Task<IResult> AsTenantAsync(HttpContext context, Func<string, Task<IResult>> handle) => _gate.RunAsync(context, handle);

    private static IResult RunNotFound(string runId) => ApiProblems.NotFound($"There is no run '{runId}'.");

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
}
