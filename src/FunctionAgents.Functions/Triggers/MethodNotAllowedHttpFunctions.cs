using System.Diagnostics.CodeAnalysis;
using FunctionAgents.Http.Problems;
using FunctionAgents.Http.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionAgents.Functions.Triggers;

/// <summary>
/// A wrong method on an API route gets a 405 problem with <c>Allow</c>, as on the local host. The Functions host routes by
/// method itself: a request whose path matches a function's route but not its methods is answered with an empty 404
/// before the worker sees it (Azure/azure-functions-host#10098). So every route also has a function taking exactly the
/// methods the route's real functions do not, on the same template, which answers 405 naming the methods they take.
/// The same template with disjoint methods is how <c>runs</c> already carries two functions (GET and POST); no catch-all
/// route is used, because the host tries routes in function-name order and a catch-all could shadow real functions
/// (Azure/azure-functions-host#9876). <c>FunctionsMethodNotAllowedTests</c> checks from functions.metadata that each route
/// takes every method and that each Allow names the real functions' methods; the MCP route's own function takes every
/// method and answers 405 itself (<c>McpHttpHandler</c>).
/// </summary>
[SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Trigger methods are bound on an instance of their class, like every other trigger here.")]
public sealed class MethodNotAllowedHttpFunctions
{
    [Function("RunsMethodNotAllowed")]
    public IResult Runs([HttpTrigger(AuthorizationLevel.Anonymous, "put", "delete", "patch", "head", "options", Route = FunctionRoutes.Runs)] HttpRequest request) =>
        Refuse(request, "GET", "POST");

    [Function("RunMethodNotAllowed")]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", "put", "delete", "patch", "head", "options", Route = FunctionRoutes.Run)] HttpRequest request) =>
        Refuse(request, "GET");

    [Function("RunEventsMethodNotAllowed")]
    public IResult RunEvents([HttpTrigger(AuthorizationLevel.Anonymous, "post", "put", "delete", "patch", "head", "options", Route = FunctionRoutes.RunEvents)] HttpRequest request) =>
        Refuse(request, "GET");

    [Function("RunStreamMethodNotAllowed")]
    public IResult RunStream([HttpTrigger(AuthorizationLevel.Anonymous, "post", "put", "delete", "patch", "head", "options", Route = FunctionRoutes.RunStream)] HttpRequest request) =>
        Refuse(request, "GET");

    [Function("OpenApiMethodNotAllowed")]
    public IResult OpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "post", "put", "delete", "patch", "head", "options", Route = FunctionRoutes.OpenApi)] HttpRequest request) =>
        Refuse(request, "GET");

    [Function("ApprovalMethodNotAllowed")]
    public IResult Approval([HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", "delete", "patch", "head", "options", Route = FunctionRoutes.Approval)] HttpRequest request) =>
        Refuse(request, "POST");

    [Function("CancelMethodNotAllowed")]
    public IResult Cancel([HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", "delete", "patch", "head", "options", Route = FunctionRoutes.Cancel)] HttpRequest request) =>
        Refuse(request, "POST");

    [Function("HealthMethodNotAllowed")]
    public IResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "post", "put", "delete", "patch", "head", "options", Route = FunctionRoutes.Health)] HttpRequest request) =>
        Refuse(request, "GET");

    [Function("TimelineMethodNotAllowed")]
    public IResult Timeline([HttpTrigger(AuthorizationLevel.Anonymous, "post", "put", "delete", "patch", "head", "options", Route = FunctionRoutes.Timeline)] HttpRequest request) =>
        Refuse(request, "GET");

    [Function("StateMethodNotAllowed")]
    public IResult State([HttpTrigger(AuthorizationLevel.Anonymous, "post", "put", "delete", "patch", "head", "options", Route = FunctionRoutes.State)] HttpRequest request) =>
        Refuse(request, "GET");

    [Function("AuditMethodNotAllowed")]
    public IResult Audit([HttpTrigger(AuthorizationLevel.Anonymous, "post", "put", "delete", "patch", "head", "options", Route = FunctionRoutes.Audit)] HttpRequest request) =>
        Refuse(request, "GET");

    [Function("EraseSubjectMethodNotAllowed")]
    public IResult EraseSubject([HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", "delete", "patch", "head", "options", Route = FunctionRoutes.EraseSubject)] HttpRequest request) =>
        Refuse(request, "POST");

    [Function("SubjectRunsMethodNotAllowed")]
    public IResult SubjectRuns([HttpTrigger(AuthorizationLevel.Anonymous, "post", "put", "delete", "patch", "head", "options", Route = FunctionRoutes.SubjectRuns)] HttpRequest request) =>
        Refuse(request, "GET");

    [Function("EvaluationsMethodNotAllowed")]
    public IResult Evaluations([HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", "delete", "patch", "head", "options", Route = FunctionRoutes.Evaluations)] HttpRequest request) =>
        Refuse(request, "POST");

    [Function("EvaluationLatestMethodNotAllowed")]
    public IResult EvaluationLatest([HttpTrigger(AuthorizationLevel.Anonymous, "post", "put", "delete", "patch", "head", "options", Route = FunctionRoutes.EvaluationLatest)] HttpRequest request) =>
        Refuse(request, "GET");

    [Function("EvaluationMethodNotAllowed")]
    public IResult Evaluation([HttpTrigger(AuthorizationLevel.Anonymous, "post", "put", "delete", "patch", "head", "options", Route = FunctionRoutes.Evaluation)] HttpRequest request) =>
        Refuse(request, "GET");

    [Function("ApprovalsMethodNotAllowed")]
    public IResult Approvals([HttpTrigger(AuthorizationLevel.Anonymous, "post", "put", "delete", "patch", "head", "options", Route = FunctionRoutes.Approvals)] HttpRequest request) =>
        Refuse(request, "GET");

    [Function("VerificationMethodNotAllowed")]
    public IResult Verification([HttpTrigger(AuthorizationLevel.Anonymous, "post", "put", "delete", "patch", "head", "options", Route = FunctionRoutes.Verification)] HttpRequest request) =>
        Refuse(request, "GET");

    [Function("EvaluationDaysMethodNotAllowed")]
    public IResult EvaluationDays([HttpTrigger(AuthorizationLevel.Anonymous, "post", "put", "delete", "patch", "head", "options", Route = FunctionRoutes.EvaluationDays)] HttpRequest request) =>
        Refuse(request, "GET");

    [Function("DashboardMethodNotAllowed")]
    public IResult Dashboard([HttpTrigger(AuthorizationLevel.Anonymous, "post", "put", "delete", "patch", "head", "options", Route = FunctionRoutes.Dashboard)] HttpRequest request) =>
        Refuse(request, "GET");

    private static IResult Refuse(HttpRequest request, params string[] allowed)
    {
        request.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
        return ApiProblems.MethodNotAllowed(request.Method, request.Path.Value ?? string.Empty, allowed);
    }
}
