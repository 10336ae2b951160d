using System.Reflection;
using System.Text.Json;
using FunctionAgents.Domain.Engine;
using FunctionAgents.Runtime.Engine;
using FunctionAgents.Mcp.Server;

namespace FunctionAgents.Functions.Tests;

/// <summary>
/// The isolated worker hands out a Durable client only through the <c>[DurableClient]</c> input binding (none through
/// DI: Azure/azure-functions-durable-extension#2736). A function that can start, raise an event to or cancel a run
/// without binding one throws in Azure, after the run's first event is journaled. This reads the built
/// functions.metadata (what the host indexes) and the IL of each function's code.
/// </summary>
public sealed class DurableClientBindingTests
{
    [Fact]
    public void Functions_ThatCanStartRaiseOrCancelRuns_BindTheDurableClient()
    {
        var graph = new CallGraph([typeof(FunctionsWiring).Assembly, typeof(IRunOrchestrations).Assembly, typeof(McpHttpHandler).Assembly,
            .. typeof(FunctionsWiring).Assembly.GetReferencedAssemblies().Where(a => a.Name!.StartsWith("FunctionAgents.", StringComparison.Ordinal)).Select(Assembly.Load)]);

        var waking = Metadata()
            .Select(f => (f.Name, f.Bindings, Path: graph.PathTo(EntryPoint(f.EntryPoint), typeof(IRunOrchestrations))))
            .Where(f => f.Path is not null)
            .ToList();

        Assert.Contains(waking, f => f.Name == "StartRun");
        Assert.Contains(waking, f => f.Name == "Mcp");
        Assert.All(waking, f => Assert.True(f.Bindings.Contains("durableClient"), $"{f.Name} can start, raise or cancel runs ({f.Path}) but binds no [DurableClient]"));
    }

    [Fact]
    public void Reaches_AReadOnlyFunction_DoesNotReachTheOrchestrations()
    {
        var graph = new CallGraph([typeof(FunctionsWiring).Assembly, typeof(IRunOrchestrations).Assembly]);

        Assert.False(graph.Reaches(EntryPoint("FunctionAgents.Functions.Triggers.OpenApiHttpFunction.Get"), typeof(IRunOrchestrations)));
    }

    private static MethodInfo EntryPoint(string entryPoint)
    {
        var dot = entryPoint.LastIndexOf('.');
        var type = typeof(FunctionsWiring).Assembly.GetType(entryPoint[..dot], throwOnError: true)!;
        return type.GetMethods().Single(m => m.Name == entryPoint[(dot + 1)..]);
    }

    private static List<(string Name, string EntryPoint, HashSet<string> Bindings)> Metadata()
    {
        var path = ArtifactPaths.FunctionsMetadata;
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(f => (
            f.GetProperty("name").GetString()!,
            f.GetProperty("entryPoint").GetString()!,
            f.GetProperty("bindings").EnumerateArray().Select(b => b.GetProperty("type").GetString()!).ToHashSet()))];
    }
}
