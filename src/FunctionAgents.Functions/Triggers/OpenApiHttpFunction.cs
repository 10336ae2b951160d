using System.Diagnostics.CodeAnalysis;
using FunctionAgents.Http.OpenApi;
using FunctionAgents.Http.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionAgents.Functions.Triggers;

/// <summary>The OpenAPI document; anonymous, like the local host's, so tooling can read it before it has a key.</summary>
public sealed class OpenApiHttpFunction
{
    [Function("OpenApi")]
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Trigger methods are bound on an instance of their class, like every other trigger here.")]
    public IResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.OpenApi)] HttpRequest request) => OpenApiDocument.Serve();
}
