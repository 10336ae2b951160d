using System.Net;
using System.Text.Json;
using FunctionAgents.Host.Tests.Support;
using FunctionAgents.Http.Routing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Host.Tests.Hosting;

/// <summary>
/// The local host answers a wrong method on any of its routes with 405 problem+json and an <c>Allow</c> header naming the
/// methods the route serves (the API's catch-all fallback used to take it and answer 404), and an unknown path with 404.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class MethodNotAllowedTests(HostFixture fixture)
{
    private static readonly string[] AllMethods = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];

    [Theory]
    [InlineData("GET", "/api/subjects/subject-1/erase", "POST")]
    [InlineData("PUT", "/mcp", "POST")]
    [InlineData("PUT", "/api/mcp", "POST")]
    [InlineData("HEAD", "/api/openapi.json", "GET")]
    [InlineData("DELETE", "/api/runs", "GET, POST")]
    [InlineData("PUT", "/api/runs/run-1/approvals/step-1", "POST")]
    [InlineData("POST", "/api/health", "GET")]
    [InlineData("POST", "/dashboard/index.html", "GET")]
    public async Task WrongMethod_Is405ProblemWithAllow(string method, string path, string allow)
    {
        // Arrange
        using var http = fixture.Shared.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add(ApiRoutes.ApiKeyHeader, HostFixture.AlphaKey);

        // Act
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (method != "HEAD")
        {
            Assert.Contains($"{method} is not supported on {path}; allowed: {allow}.", body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("GET", "/api/nothing-here")]
    [InlineData("DELETE", "/api/runs/run-1/nothing")]
    [InlineData("GET", "/api/data.json")]
    public async Task UnknownPath_Is404Problem(string method, string path)
    {
        // Arrange
        using var http = fixture.Shared.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        // Act
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(":not-found", JsonDocument.Parse(body).RootElement.GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryRoute_AnswersEveryOtherMethodWith405NamingItsMethods()
    {
        // Arrange: every method-bound endpoint of the host, grouped by template
        var routes = fixture.Shared.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Template: e.RoutePattern.RawText!, Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods))
            .Where(e => e.Methods is { Count: > 0 } && e.Template is not null)
            .GroupBy(e => e.Template, e => e.Methods!)
            .ToList();
        using var http = fixture.Shared.CreateClient();
        var wrong = new List<string>();

        foreach (var route in routes)
        {
            var served = route.SelectMany(m => m).Distinct().Order(StringComparer.Ordinal).ToList();
            var path = FunctionsRoutePrecedenceTests.SamplePath(route.Key);
            foreach (var method in AllMethods.Except(served))
            {
                // Act
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                using var response = await http.SendAsync(request);
                var allow = string.Join(", ", response.Content.Headers.Allow);
                if (response.StatusCode != HttpStatusCode.MethodNotAllowed || allow != string.Join(", ", served))
                {
                    wrong.Add($"{method} {path}: {(int)response.StatusCode} Allow '{allow}', the route serves {string.Join(", ", served)}");
                }
            }
        }

        // Assert
        Assert.True(routes.Count > 15, $"only {routes.Count} routes");
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }
}
