using System.Reflection;
using System.Text.Json;
using FunctionAgents.Functions.Triggers;
using FunctionAgents.Http.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Functions.Tests;

/// <summary>
/// The Functions app answers a wrong method with 405 and <c>Allow</c>: from the built functions.metadata, every HTTP route
/// takes every method (its real functions plus one <c>...MethodNotAllowed</c> function with the other methods), and in the
/// host's name-ordered route table a wrong method reaches a 405 function whose <c>Allow</c> names the route's real methods.
/// </summary>
public sealed class FunctionsMethodNotAllowedTests
{
    private static readonly string[] AllMethods = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];

    [Fact]
    public void EveryRoute_TakesEveryMethod_WithTheRefusalsDisjointFromTheRealFunctions()
    {
        // Arrange
        var routes = HttpFunctions().GroupBy(f => f.Route!).ToList();

        // Act
        var uncovered = routes
            .Where(r => !AllMethods.All(m => r.SelectMany(f => f.Methods).Contains(m)))
            .Select(r => $"{r.Key}: {string.Join(", ", AllMethods.Except(r.SelectMany(f => f.Methods)))} reach no function")
            .ToList();
        var overlapping = routes
            .Where(r => r.SelectMany(f => f.Methods).GroupBy(m => m).Any(g => g.Count() > 1))
            .Select(r => r.Key)
            .ToList();

        // Assert
        Assert.True(routes.Count > 15, $"only {routes.Count} routes");
        Assert.True(uncovered.Count == 0, string.Join(Environment.NewLine, uncovered));
        Assert.Empty(overlapping);
    }

    [Fact]
    public async Task WrongMethod_ReachesA405FunctionInTheHostsRouteOrder_NamingTheRealMethods()
    {
        // Arrange: the host's table as FunctionsRoutePrecedenceTests rebuilds it (name order, first match wins)
        var functions = HttpFunctions().Where(f => f.Name != "Mcp").ToList();
        var table = functions
            .OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
            .Select(f => (Function: f, Matcher: new TemplateMatcher(TemplateParser.Parse($"{FunctionRoutes.RoutePrefix}/{f.Route}"), [])))
            .ToList();
        var wrong = new List<string>();

        foreach (var route in functions.GroupBy(f => f.Route!))
        {
            var real = route.Where(f => !IsRefusal(f)).SelectMany(f => f.Methods).Order(StringComparer.Ordinal).ToList();
            var path = SamplePath($"{FunctionRoutes.RoutePrefix}/{route.Key}");
            foreach (var method in AllMethods.Except(real))
            {
                // Act
                var reached = table.FirstOrDefault(r => r.Function.Methods.Contains(method) && r.Matcher.TryMatch(new PathString(path), [])).Function;
                var (status, allow, body) = reached is null ? (0, string.Empty, string.Empty) : await InvokeAsync(reached.Name, method, path);

                if (reached is null || !IsRefusal(reached) || status != 405 || allow != string.Join(", ", real) || !body.Contains("allowed: " + allow, StringComparison.Ordinal))
                {
                    wrong.Add($"{method} {path}: reached {reached?.Name ?? "nothing"}, answered {status} Allow '{allow}' (the route serves {string.Join(", ", real)})");
                }
            }
        }

        // Assert
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private sealed record HttpFunction(string Name, string Route, string[] Methods);

    /// <summary>The HTTP functions of the built functions.metadata (what the host indexes): name, route, methods.</summary>
    private static List<HttpFunction> HttpFunctions()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(ArtifactPaths.FunctionsMetadata));
        return [.. document.RootElement.EnumerateArray()
            .Select(f => (Name: f.GetProperty("name").GetString()!, Trigger: f.GetProperty("bindings").EnumerateArray().First(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal))))
            .Where(f => f.Trigger.GetProperty("type").GetString() == "httpTrigger")
            .Select(f => new HttpFunction(
                f.Name,
                f.Trigger.GetProperty("route").GetString()!,
                [.. f.Trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant())]))];
    }

    // A concrete request path for a route template: each parameter gets a value no literal segment uses.
    private static string SamplePath(string template) =>
        "/" + string.Join('/', TemplateParser.Parse(template).Segments.Select(segment => string.Concat(segment.Parts.Select(part =>
            part.IsParameter ? (part.IsCatchAll ? "app/index.html" : $"sample-{part.Name}") : part.Text))));

    private static bool IsRefusal(HttpFunction function) => function.Name.EndsWith("MethodNotAllowed", StringComparison.Ordinal);

    /// <summary>Calls the 405 function's method as the worker would, and executes its result on a real response.</summary>
    private static async Task<(int Status, string Allow, string Body)> InvokeAsync(string name, string method, string path)
    {
        var trigger = typeof(MethodNotAllowedHttpFunctions).GetMethods()
            .Single(m => m.GetCustomAttribute<FunctionAttribute>()?.Name == name);
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Request.Method = method;
        context.Request.Path = path;
        using var body = new MemoryStream();
        context.Response.Body = body;
        var result = (IResult)trigger.Invoke(new MethodNotAllowedHttpFunctions(), [context.Request])!;
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, context.Response.Headers.Allow.ToString(), System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }
}
