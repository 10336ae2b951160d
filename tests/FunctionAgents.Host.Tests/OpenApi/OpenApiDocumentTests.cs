using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using FunctionAgents.Host.Tests.Support;
using FunctionAgents.Http.Routing;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace FunctionAgents.Host.Tests.OpenApi;

[Collection(HostCollection.Name)]
public sealed class OpenApiDocumentTests(HostFixture fixture)
{
    [Fact]
    public async Task OpenApiJson_IsServedWithoutAKey_AndIsAValidOpenApi31Document()
    {
        // Arrange
        using var anonymous = fixture.Shared.Client(apiKey: null);

        // Act
        var response = await anonymous.GetAsync("/api/openapi.json");
        var text = await response.Content.ReadAsStringAsync();
        var read = OpenApiDocument.Parse(text, "json", new OpenApiReaderSettings());

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(read.Diagnostic?.Errors ?? []);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, read.Diagnostic?.SpecificationVersion);
        var document = read.Document!;
        Assert.Equal(ParameterLocation.Header, document.Components!.SecuritySchemes!["apiKey"].In);
        Assert.Equal(ApiRoutes.ApiKeyHeader, document.Components.SecuritySchemes["apiKey"].Name);
    }

    [Fact]
    public void Document_CoversEveryApiRoute_AndEveryOperationDocumentsItsErrors()
    {
        // Arrange: every route template the hosts map (ApiRoutes constants starting with api/), but MCP and the dashboard's pages
        var routes = typeof(ApiRoutes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && ((string)f.GetRawConstantValue()!).StartsWith("api/", StringComparison.Ordinal)
                && f.Name is not (nameof(ApiRoutes.Mcp) or nameof(ApiRoutes.Dashboard)))
            .Select(f => "/" + (string)f.GetRawConstantValue()!)
            .ToHashSet();
        var paths = OpenApiConformance.Root["paths"]!.AsObject();

        // Act
        var missing = routes.Where(r => !paths.ContainsKey(r)).ToList();
        var operations = paths.SelectMany(p => p.Value!.AsObject().Select(o => (Route: p.Key, Operation: o.Value!.AsObject()))).ToList();

        // Assert
        Assert.Empty(missing);
        Assert.DoesNotContain(paths.Select(p => p.Key), p => !routes.Contains(p));
        foreach (var (route, operation) in operations.Where(o => o.Route != "/" + ApiRoutes.OpenApi))
        {
            var statuses = operation["responses"]!.AsObject().Select(r => r.Key).ToList();
            Assert.Contains("401", statuses);
            Assert.Contains("500", statuses);
            Assert.Contains(statuses, s => s.StartsWith('2'));
            foreach (var parameter in route.Split('/').Where(s => s.StartsWith('{')))
            {
                Assert.Contains(OpenApiConformance.Inline(operation["parameters"]!).AsArray(), p => "{" + p!["name"]!.GetValue<string>() + "}" == parameter);
            }
        }
    }

    [Fact]
    public async Task Handler_RefusesAResponseTheDocumentDoesNotDescribe()
    {
        // Arrange: a JSON body that lacks the Problem's required fields
        var problems = OpenApiConformance.Check("GET", "/api/runs/run-x", 404, "application/problem+json", """{"type":"urn:functionagents:problem:not-found"}""");
        var undocumented = OpenApiConformance.Check("DELETE", "/api/runs/run-x", 204, null, null);
        using var client = fixture.Shared.Client();

        // Act: a real response through the handler
        var response = await client.GetAsync("/api/runs/run-that-does-not-exist");

        // Assert
        Assert.Contains(problems, p => p.Contains("title", StringComparison.Ordinal));
        Assert.Single(undocumented);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(OpenApiValidatingHandler.Checked > 0);
        Assert.IsType<JsonObject>(OpenApiConformance.Root["components"]!["schemas"]);
    }
}
