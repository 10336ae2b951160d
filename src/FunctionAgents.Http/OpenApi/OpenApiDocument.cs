using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace FunctionAgents.Http.OpenApi;

/// <summary>
/// The API's OpenAPI 3.1 document, written by hand next to the handlers (<c>openapi.json</c>, embedded) and served at
/// <c>GET /api/openapi.json</c> without a key, so tooling can fetch it before it has one. The Host tests check every
/// response they receive against it, which keeps the document and the handlers in step.
/// </summary>
public static class OpenApiDocument
{
    private static readonly Lazy<string> Text = new(Load);

    /// <summary>The document's JSON text.</summary>
    public static string Json => Text.Value;

    /// <summary>GET /api/openapi.json.</summary>
    public static IResult Serve() => Results.Text(Json, "application/json; charset=utf-8");

    private static string Load()
    {
        using var stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream("FunctionAgents.Http.OpenApi.openapi.json")
            ?? throw new InvalidOperationException("The embedded OpenAPI document is missing from " + Assembly.GetExecutingAssembly().GetName().Name + ".");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
