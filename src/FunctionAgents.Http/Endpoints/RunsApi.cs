using FunctionAgents.Domain.Storage;
using FunctionAgents.Http.Auth;
using FunctionAgents.Http.Problems;
using FunctionAgents.Runtime.Runs;
using Microsoft.AspNetCore.Http;

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
    private readonly TenantGate _gate;
    private readonly IStorageHealthCheck _storage;

    public RunsApi(RunCommands commands, IStorageHealthCheck storage, TenantGate gate)
    {
        _commands = commands;
        _gate = gate;
        _storage = storage;
    }

    /// <summary>Runs <paramref name="handle"/> for the caller's tenant through the shared <see cref="TenantGate"/>.</summary>
    private Task<IResult> AsTenantAsync(HttpContext context, Func<string, Task<IResult>> handle) => _gate.RunAsync(context, handle);

    private static IResult RunNotFound(string runId) => ApiProblems.NotFound($"There is no run '{runId}'.");
}
