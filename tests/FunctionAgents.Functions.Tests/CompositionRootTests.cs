using FunctionAgents.Azure.Content;
using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Http.Auth;
using FunctionAgents.Mcp;
using FunctionAgents.Testing;
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
            [StorageSettings.ConnectionSetting] = "UseDevelopmentStorage=true",
            [ApiKeyRing.Setting] = "tenant-a:key-0123456789",
            [StorageSettings.PrefixSetting] = "fa",
            [ContentSettings.DataPathSetting] = _root,
        };
        string? Get(string name) => values.GetValueOrDefault(name);
        var settings = FunctionAgentsSettings.FromSettings(Get);
        var shared = new ServiceCollection()
            .AddFunctionAgents(settings, Get, _root)
            .AddFunctionAgentsApi(ApiKeyRing.FromSettings(Get), Get, _root);

        var functions = new ServiceCollection()
            .AddFunctionAgentsFunctionsApp(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), _root);

        Assert.Equal(
            ["FunctionAgents.Functions.Orchestration.InvocationDurableClient", "FunctionAgents.Runtime.Engine.IRunOrchestrations"],
            RootRegistrations.BeyondRoot(functions, shared));
    }
}
