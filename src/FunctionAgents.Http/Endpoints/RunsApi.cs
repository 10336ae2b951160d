using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Core.Hosting;
using FunctionAgents.Core.Runs;
using FunctionAgents.Http.Auth;
using FunctionAgents.Http.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Http.Endpoints;

/// <summary>
/// The HTTP API as plain handlers over <see cref="HttpContext"/>: each authenticates the <c>x-functions-key</c>
/// header to a tenant, reads and checks its input, calls <see cref="RunCommands"/> and maps the outcome to a
/// response (problem+json for every error). The local host maps them to routes; an Azure Functions HTTP
/// trigger calls the same method with its request's context. Another tenant's run answers 404, like an unknown one.
/// </summary>
public sealed partial class RunsApi
{
    private readonly RunCommands _commands;
    private readonly ApiKeyRing _keys;
    private readonly FunctionAgentsStorage _storage;
    private readonly ILogger _logger;

    public RunsApi(RunCommands commands, ApiKeyRing keys, FunctionAgentsStorage storage, ILogger<RunsApi> logger)
    {
        _commands = commands;
        _keys = keys;
        _storage = storage;
        _logger = logger;
    }

    private string? Authenticate(HttpContext context)
    {
        var values = context.Request.Headers[ApiRoutes.ApiKeyHeader];
        return values.Count == 1 ? _keys.FindTenant(values[0]) : null;
    }

    /// <summary>
    /// Runs <paramref name="handle"/> for the caller's tenant: 401 without a valid key, 503 when storage fails, and a
    /// problem+json 500 (details in the log, not the response) for anything unexpected.
    /// </summary>
    private async Task<IResult> AsTenantAsync(HttpContext context, Func<string, Task<IResult>> handle)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Authenticate(context) is not { } tenant)
        {
            return ApiProblems.Unauthorized();
        }

        try
        {
            return await handle(tenant);
        }
        catch (StorageRequestException ex)
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

    private static IResult RunNotFound(string runId) => ApiProblems.NotFound($"There is no run '{runId}'.");
}
