// Reference sheet sections 1.2 (ASP.NET Core integration: HttpRequest in, IResult out), 2.2 (HttpTrigger with Route;
// route tokens bind by parameter name; a catch-all {*path} token binds the rest of the path).
using FunctionAgents.Http.Approvals;
using FunctionAgents.Http.Dashboard;
using FunctionAgents.Http.Evaluations;
using FunctionAgents.Http.Forensics;
using FunctionAgents.Http.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionAgents.Functions.Triggers;

/// <summary>
/// The dashboard at <c>/api/dashboard/</c> and the read endpoints it is built on; each function hands the request to the
/// handler the local host maps. The page's files are anonymous (a browser cannot send a header when it navigates, and
/// the files hold no data); every API call the page makes carries the caller's key.
/// </summary>
public sealed class DashboardHttpFunctions
{
    private readonly DashboardFiles _files;
    private readonly ApprovalsApi _approvals;
    private readonly RunVerificationApi _verification;
    private readonly EvaluationTrendsApi _trends;

    public DashboardHttpFunctions(DashboardFiles files, ApprovalsApi approvals, RunVerificationApi verification, EvaluationTrendsApi trends)
    {
        _files = files;
        _approvals = approvals;
        _verification = verification;
        _trends = trends;
    }

    [Function("GetDashboard")]
    public IResult GetDashboard([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Dashboard)] HttpRequest request, string? path) =>
        _files.Serve(request.HttpContext, path);

    [Function("ListApprovals")]
    public Task<IResult> ListApprovalsAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Approvals)] HttpRequest request) =>
        _approvals.ListAsync(request.HttpContext);

    [Function("GetRunVerification")]
    public Task<IResult> GetVerificationAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Verification)] HttpRequest request, string runId) =>
        _verification.VerifyAsync(request.HttpContext, runId);

    [Function("GetEvaluationDays")]
    public Task<IResult> GetEvaluationDaysAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.EvaluationDays)] HttpRequest request) =>
        _trends.GetDaysAsync(request.HttpContext);
}
