using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Http.Auth;
using FunctionAgents.Mcp;
using FunctionAgents.Runtime.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Functions.Tests;

/// <summary>
/// The Functions app registers the FunctionAgents services of the one composition root (<c>AddFunctionAgents</c> and
/// <c>AddFunctionAgentsApi</c>), each exactly as often as the root does, and besides them only its own bindings, listed
/// here. FunctionAgents.Host.Tests' CompositionRootTests prove the same of the local host against the same root.
/// </summary>
public sealed class CompositionRootTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fa-root-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void FunctionsApp_RegistersTheSharedRootOnce_AndOnlyItsOwnBindingsBesides()
    {
        var values = new Dictionary<string, string?>
        {
            [SettingNames.Storage] = "UseDevelopmentStorage=true",
            [SettingNames.ApiKeys] = "tenant-a:key-0123456789",
            [SettingNames.StoragePrefix] = "fa",
            [SettingNames.DataPath] = _root,
        };
        string? Get(string name) => values.GetValueOrDefault(name);
        var settings = FunctionAgentsSettings.FromSettings(Get);
        var shared = Count(new ServiceCollection()
            .AddFunctionAgents(settings, Get, _root)
            .AddFunctionAgentsApi(ApiKeyRing.Parse(settings.ApiKeys), Get, _root));

        var functions = new ServiceCollection()
            .AddFunctionAgentsFunctionsApp(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), _root);

        Assert.Equal(
            ["FunctionAgents.Functions.Orchestration.InvocationDurableClient", "FunctionAgents.Runtime.Engine.IRunOrchestrations"],
            OwnBindings(Count(functions), shared));
    }

    // Every FunctionAgents service type the app registers beyond the shared root; a shared type registered a different
    // number of times (wired twice, or missed) shows up too, with its counts.
    private static List<string> OwnBindings(Dictionary<string, int> host, Dictionary<string, int> shared)
    {
        var missing = shared.Where(s => host.GetValueOrDefault(s.Key) != s.Value).Select(s => $"{s.Key} x{host.GetValueOrDefault(s.Key)} (root x{s.Value})");
        var own = host.Keys.Where(k => !shared.ContainsKey(k));
        return [.. missing.Concat(own).Order(StringComparer.Ordinal)];
    }

    private static Dictionary<string, int> Count(IServiceCollection services) =>
        services
            .Where(d => d.ServiceType.FullName?.StartsWith("FunctionAgents.", StringComparison.Ordinal) == true)
            .GroupBy(d => d.ServiceType.FullName!)
            .ToDictionary(g => g.Key, g => g.Count());
}
