using FunctionAgents.Azure.Storage;
using FunctionAgents.Core.Hosting;
using FunctionAgents.Http.Problems;
using Microsoft.AspNetCore.Http;

namespace FunctionAgents.Http.Auth;

/// <summary>
/// Authenticates the <c>x-functions-key</c> header to a tenant and runs a handler for it: 401 without a valid key,
/// 503 when storage fails. Handlers only ever see their caller's tenant.
/// </summary>
public sealed class TenantGate
{
    private readonly ApiKeyRing _keys;

    public TenantGate(ApiKeyRing keys) => _keys = keys;

    public async Task<IResult> RunAsync(HttpContext context, Func<string, Task<IResult>> handle)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handle);
        var values = context.Request.Headers[ApiRoutes.ApiKeyHeader];
        if (values.Count != 1 || _keys.FindTenant(values[0]) is not { } tenant)
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
}
