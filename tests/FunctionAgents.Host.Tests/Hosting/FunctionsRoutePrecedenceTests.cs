using FunctionAgents.Http.Routing;
using FunctionAgents.Host.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Host.Tests.Hosting;

/// <summary>
/// Every request the local host serves reaches the same function in Azure. The local host's endpoint routing prefers
/// literal segments; the Functions host does not: it adds one route per HTTP function, in the order of the function
/// names, each with its methods as a constraint, under the <c>api</c> prefix, and the first route that matches wins
/// (Azure/azure-functions-host#9876, Azure/azure-functions-dotnet-worker#1855; the fix, azure-webjobs-sdk-extensions#842,
/// is still open). This rebuilds that table from the built functions.metadata and routes a request for every local route.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class FunctionsRoutePrecedenceTests(HostFixture fixture)
{
    private sealed record FunctionRoute(string Name, string[] Methods, TemplateMatcher Matcher);

    [Fact]
    public void Routes_EveryLocalHostRequestReachesTheSameFunctionInAzure()
    {
        var functions = FunctionsMetadata.Read().Where(f => f.Type == "httpTrigger").ToList();
        var table = functions
            .OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
            .Select(f => new FunctionRoute(
                f.Name, f.Methods, new TemplateMatcher(TemplateParser.Parse($"{FunctionRoutes.RoutePrefix}/{f.Route}"), [])))
            .ToList();
        var local = fixture.Shared.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith(FunctionRoutes.RoutePrefix + "/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Template: e.RoutePattern.RawText!)))
            .ToList();

        var misrouted = new List<string>();
        foreach (var (method, template) in local)
        {
            var expected = functions.Single(f => $"{FunctionRoutes.RoutePrefix}/{f.Route}" == template && f.Methods.Contains(method)).Name;
            var path = SamplePath(template);
            var reached = table.FirstOrDefault(r =>
                (r.Methods.Length == 0 || r.Methods.Contains(method)) && r.Matcher.TryMatch(new PathString(path), []))?.Name;
            if (reached != expected)
            {
                misrouted.Add($"{method} {path}: the local host serves it with {template} ({expected}), Azure with {reached ?? "nothing"}");
            }
        }

        Assert.NotEmpty(local);
        Assert.True(misrouted.Count == 0, string.Join(Environment.NewLine, misrouted));
    }

    [Fact]
    public async Task Routes_EveryFunctionButTheOpenOnes_RefusesACallWithoutAnApiKey()
    {
        // The HTTP triggers are Anonymous at the platform (FA_API_KEYS is the one key system), so the shared handlers
        // are the only gate: every function must reach one that refuses a caller without a key.
        string[] open = ["OpenApi", "GetDashboard"];
        using var anonymous = fixture.Shared.Server.CreateClient(); // no OpenAPI check: /api/mcp is not in the document
        var admitted = new List<string>();
        // The 405 functions answer a wrong method before any key check, as the local host's fallback does (FunctionsMethodNotAllowedTests).
        foreach (var function in FunctionsMetadata.Read().Where(f => f.Type == "httpTrigger" && !open.Contains(f.Name) && !f.Name.EndsWith("MethodNotAllowed", StringComparison.Ordinal)))
        {
            foreach (var method in function.Methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), SamplePath($"{FunctionRoutes.RoutePrefix}/{function.Route}"));
                if (method == "POST")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                using var response = await anonymous.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                // A method the function takes only to refuse it (the MCP handler's 405 for all but POST) reveals nothing without a key.
                var refusedMethod = response.StatusCode == System.Net.HttpStatusCode.MethodNotAllowed && !response.Content.Headers.Allow.Contains(method);
                if (response.StatusCode != System.Net.HttpStatusCode.Unauthorized && !refusedMethod)
                {
                    admitted.Add($"{function.Name}: {method} {request.RequestUri} answered {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(admitted.Count == 0, string.Join(Environment.NewLine, admitted));
    }

    [Fact]
    public void SamplePath_LiteralRouteAndParameterRoute_ShadowEachOtherInNameOrder()
    {
        // The rebuilt table itself: a parameter route that sorts first swallows the literal one, as in the host issue.
        var table = new[] { ("Details", "Products/{id}"), ("List", "Products/List") }
            .Select(r => new FunctionRoute(r.Item1, ["GET"], new TemplateMatcher(TemplateParser.Parse($"api/{r.Item2}"), [])))
            .ToList();

        var reached = table.First(r => r.Matcher.TryMatch(new PathString(SamplePath("api/Products/List")), [])).Name;

        Assert.Equal("Details", reached);
    }

    // A concrete request path for a route template: each parameter gets a value no literal segment uses.
    internal static string SamplePath(string template)
    {
        var parsed = TemplateParser.Parse(template);
        var segments = parsed.Segments.Select(segment => string.Concat(segment.Parts.Select(part =>
            part.IsParameter ? (part.IsCatchAll ? "app/index.html" : $"sample-{part.Name}") : part.Text)));
        return "/" + string.Join('/', segments);
    }
}
