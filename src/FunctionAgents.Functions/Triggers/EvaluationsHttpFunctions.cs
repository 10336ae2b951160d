// Reference sheet sections 1.2 (ASP.NET Core integration: HttpRequest in, IResult out), 2.2 (HttpTrigger with Route;
// route tokens bind by parameter name); checklist section 7 item 1 (the auth level is explicit).
using FunctionAgents.Http.Evaluations;
using FunctionAgents.Http.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionAgents.Functions.Triggers;

/// <summary>The evaluation API: each function hands the request to the handler the local host maps.</summary>
public sealed class EvaluationsHttpFunctions
{
    private readonly EvaluationsApi _api;

    public EvaluationsHttpFunctions(EvaluationsApi api) => _api = api;

    [Function("StartEvaluation")]
    public Task<IResult> StartAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.Evaluations)] HttpRequest request) =>
        _api.StartAsync(request.HttpContext);

    [Function("GetLatestEvaluation")]
    public Task<IResult> GetLatestAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.EvaluationLatest)] HttpRequest request) =>
        _api.GetLatestAsync(request.HttpContext);

    // The Functions host tries HTTP functions in the order of their names and the first route that matches wins; it does
    // not prefer literal segments (Azure/azure-functions-host#9876). Named GetEvaluation, this function sorted before
    // GetEvaluationDays and GetLatestEvaluation and swallowed evaluations/days and evaluations/latest (404 in Azure).
    // "ReadEvaluation" sorts after both; FunctionsRoutePrecedenceTests rebuilds the host's table and guards the order.
    [Function("ReadEvaluation")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Evaluation)] HttpRequest request, string evaluationId) =>
        _api.GetAsync(request.HttpContext, evaluationId);
}
