using FunctionAgents.Http.Privacy;
using FunctionAgents.Http.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionAgents.Functions.Triggers;

/// <summary>The data-subject API: hands the request to the handler the local host maps (docs/privacy.md).</summary>
public sealed class SubjectsHttpFunctions
{
    private readonly SubjectsApi _api;

    public SubjectsHttpFunctions(SubjectsApi api) => _api = api;

    [Function("EraseSubject")]
    public Task<IResult> EraseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.EraseSubject)] HttpRequest request, string subjectId) =>
        _api.EraseAsync(request.HttpContext, subjectId);

    [Function("FindSubjectRuns")]
    public Task<IResult> FindRunsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.SubjectRuns)] HttpRequest request, string subjectId) =>
        _api.FindRunsAsync(request.HttpContext, subjectId);
}
