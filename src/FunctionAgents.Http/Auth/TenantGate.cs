using FunctionAgents.Domain.Storage;
using FunctionAgents.Http.Problems;
using FunctionAgents.Http.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Http.Auth;

/// <summary>
/// Authenticates the <c>x-functions-key</c> header to a tenant and runs a handler for it: 401 without a valid key,
/// 503 when storage fails, and a problem+json 500 (details in the log, not the response) for anything unexpected.
/// Handlers only ever see their caller's tenant. Every API handler goes through here.
/// </summary>
public sealed class TenantGate
{
    private readonly ApiKeyRing _keys;
    private readonly ILogger _logger;

    public TenantGate(ApiKeyRing keys, ILogger<TenantGate> logger)
    {
        _keys = keys;
        _logger = logger;
    }

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
        catch (StorageException ex)
        {
            Log.StorageFailed(_logger, context.Request.Method, context.Request.Path, ex);
            return ApiProblems.Unavailable($"Storage did not answer as expected: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            Log.Unexpected(_logger, context.Request.Method, context.Request.Path, context.TraceIdentifier, ex);
            return ApiProblems.Internal(context.TraceIdentifier);
        }
    }
}
