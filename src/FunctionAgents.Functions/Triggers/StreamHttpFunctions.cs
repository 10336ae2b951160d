using FunctionAgents.Http.Routing;
using FunctionAgents.Http.Streaming;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionAgents.Functions.Triggers;

/// <summary>
/// The live run stream. With ASP.NET Core integration the response body is the real socket, so the same SSE handler
/// runs here; each response ends after <see cref="RunStreamOptions.MaxDuration"/> (under the front end's 230-second
/// limit) and the client resumes with Last-Event-ID.
/// </summary>
public sealed class StreamHttpFunctions
{
    private readonly RunStreamApi _api;

    public StreamHttpFunctions(RunStreamApi api) => _api = api;

    [Function("StreamRun")]
    public Task<IResult> StreamRunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.RunStream)] HttpRequest request, string runId) =>
        _api.StreamAsync(request.HttpContext, runId);
}
