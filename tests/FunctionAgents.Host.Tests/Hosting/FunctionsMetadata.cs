using System.Text.Json;

namespace FunctionAgents.Host.Tests.Hosting;

/// <summary>One function of the built functions.metadata: its trigger and the types of all its bindings.</summary>
internal sealed record FunctionBinding(
    string Name, string Type, string? Route, string[] Methods, string? QueueName, string? Schedule, string[] BindingTypes);

/// <summary>
/// The functions.metadata the Functions SDK generated when the app was built (this project references the app, so it is
/// built first): what the Functions host indexes in Azure.
/// </summary>
internal static class FunctionsMetadata
{
    public static List<FunctionBinding> Read()
    {
        // The test binaries sit in tests/<project>/bin/<Configuration>/<tfm>/: the Functions app's are in the same relative place.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (tfm, configuration) = (output.Name, output.Parent!.Name);
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "FunctionAgents.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root!.FullName, "src", "FunctionAgents.Functions", "bin", configuration, tfm, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: build src/FunctionAgents.Functions first");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(function =>
        {
            var bindings = function.GetProperty("bindings").EnumerateArray().ToList();
            var trigger = bindings.Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            return new FunctionBinding(
                function.GetProperty("name").GetString()!,
                trigger.GetProperty("type").GetString()!,
                trigger.TryGetProperty("route", out var route) ? route.GetString() : null,
                trigger.TryGetProperty("methods", out var methods) ? [.. methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant())] : [],
                trigger.TryGetProperty("queueName", out var queue) ? queue.GetString() : null,
                trigger.TryGetProperty("schedule", out var schedule) ? schedule.GetString() : null,
                [.. bindings.Select(b => b.GetProperty("type").GetString()!)]);
        })];
    }
}
