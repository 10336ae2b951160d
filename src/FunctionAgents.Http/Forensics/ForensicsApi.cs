using FunctionAgents.Azure.Storage;
using FunctionAgents.Core.Forensics;
using FunctionAgents.Core.Forensics.Audit;
using FunctionAgents.Core.Hosting;
using FunctionAgents.Core.Runs;
using FunctionAgents.Http.Auth;
using FunctionAgents.Http.Problems;
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
    private readonly ApiKeyRing _keys;
    private readonly TimeProvider _clock;

    public ForensicsApi(RunForensics runs, IAuditLog audit, ApiKeyRing keys, TimeProvider clock)
    {
        _runs = runs;
        _audit = audit;
        _keys = keys;
        _clock = clock;
    }

    /// <summary>Runs <paramref name="handle"/> for the caller's tenant: 401 without a valid key, 503 when storage fails.</summary>
    private async Task<IResult> AsTenantAsync(HttpContext context, Func<string, Task<IResult>> handle)
    {
        ArgumentNullException.ThrowIfNull(context);
        var keys = context.Request.Headers[ApiRoutes.ApiKeyHeader];
        if (keys.Count != 1 || _keys.FindTenant(keys[0]) is not { } tenant)
        {
            return ApiProblems.Unauthorized();
        }

        try
        {
            return await handle(tenant);
        }
        catch (StorageRequestException ex)
        {
            return ApiProblems.Unavailable($"Storage did not answer as expected: {ex.Message}");
        }
    }

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
