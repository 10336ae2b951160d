// Reference sheet sections 1.2 (ASP.NET Core integration: HttpRequest in, IResult out), 2.1 ([Function]),
// 2.2 (HttpTrigger(AuthorizationLevel, params string[] methods) with Route; route tokens bind by parameter name);
// checklist section 7 item 1 (the auth level is explicit).
using FunctionAgents.Functions.Orchestration;
using FunctionAgents.Http.Endpoints;
using FunctionAgents.Http.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionAgents.Functions.Triggers;

/// <summary>
/// The HTTP API: each function hands the request to the same handler the local host maps, which answers 401 unless
/// x-functions-key is one of FA_API_KEYS and then acts for that key's tenant. The triggers are Anonymous at the platform:
/// with AuthorizationLevel.Function a caller needed a platform function key that was also a tenant key, two key systems
/// to keep equal by hand, and the seeded FA_API_KEYS key alone answered 401. FunctionsRoutePrecedenceTests checks that
/// every function but the OpenAPI document and the dashboard page refuses a call without a key.
/// </summary>
public sealed class RunsHttpFunctions
{
    private readonly RunsApi _api;
    private readonly InvocationDurableClient _durable;

    public RunsHttpFunctions(RunsApi api, InvocationDurableClient durable)
    {
        _api = api;
        _durable = durable;
    }

    [Function("StartRun")]
    public async Task<IResult> StartRunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.Runs)] HttpRequest request, [DurableClient] DurableTaskClient client)
    {
        using var bound = _durable.Bind(client);
        return await _api.StartRunAsync(request.HttpContext);
    }

    [Function("ListRuns")]
    public Task<IResult> ListRunsAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Runs)] HttpRequest request) =>
        _api.ListRunsAsync(request.HttpContext);

    [Function("GetRun")]
    public Task<IResult> GetRunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Run)] HttpRequest request, string runId) =>
        _api.GetRunAsync(request.HttpContext, runId);

    [Function("GetRunEvents")]
    public Task<IResult> GetRunEventsAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.RunEvents)] HttpRequest request, string runId) =>
        _api.GetEventsAsync(request.HttpContext, runId);

    [Function("DecideApproval")]
    public async Task<IResult> DecideApprovalAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.Approval)] HttpRequest request,
        string runId,
        string stepId,
        [DurableClient] DurableTaskClient client)
    {
        using var bound = _durable.Bind(client);
        return await _api.DecideApprovalAsync(request.HttpContext, runId, stepId);
    }

    [Function("CancelRun")]
    public async Task<IResult> CancelRunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.Cancel)] HttpRequest request, string runId, [DurableClient] DurableTaskClient client)
    {
        using var bound = _durable.Bind(client);
        return await _api.CancelRunAsync(request.HttpContext, runId);
    }

    [Function("Health")]
    public Task<IResult> HealthAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Health)] HttpRequest request) =>
        _api.HealthAsync(request.HttpContext);
}
