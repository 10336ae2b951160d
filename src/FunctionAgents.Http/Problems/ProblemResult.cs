using System.Text.Json;
using FunctionAgents.Http.Contracts;
using FunctionAgents.Http.Routing;
using Microsoft.AspNetCore.Http;

namespace FunctionAgents.Http.Problems;

/// <summary>Writes a <see cref="Problem"/> as <c>application/problem+json</c> with its status (and the request path as instance).</summary>
internal sealed class ProblemResult : IResult, IStatusCodeHttpResult
{
    public ProblemResult(Problem problem) => Problem = problem;

    public Problem Problem { get; }

    public int? StatusCode => Problem.Status;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var problem = Problem.Instance is null ? Problem with { Instance = httpContext.Request.Path.Value } : Problem;
        var response = httpContext.Response;
        response.StatusCode = problem.Status;
        response.ContentType = ApiProblems.ContentType;
        if (problem.Status == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = $"ApiKey header=\"{ApiRoutes.ApiKeyHeader}\"";
        }

        await JsonSerializer.SerializeAsync(response.Body, problem, HttpJsonContext.Default.Problem, httpContext.RequestAborted);
    }
}
