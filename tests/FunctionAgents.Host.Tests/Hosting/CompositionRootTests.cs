using FunctionAgents.Azure.Content;
using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Host.Hosting;
using FunctionAgents.Host.Scheduling;
using FunctionAgents.Http.Auth;
using FunctionAgents.Mcp;
using FunctionAgents.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Host.Tests.Hosting;

/// <summary>
/// The local host registers the FunctionAgents services of the one composition root (<c>AddFunctionAgents</c> and
/// <c>AddFunctionAgentsApi</c>), each exactly as often as the root does, and besides them only its own bindings, listed
/// here. FunctionAgents.Functions.Tests' CompositionRootTests prove the same of the Functions app against the same root.
/// </summary>
public sealed class CompositionRootTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fa-root-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void LocalHost_RegistersTheSharedRootOnce_AndOnlyItsOwnBindingsBesides()
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
            .AddFunctionAgents(settings, Get, _root, o => o.DefaultKekFile = Path.Combine(_root, "kek"))
            .AddFunctionAgentsApi(ApiKeyRing.FromSettings(Get), Get, _root);

        var local = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _root, EnvironmentName = "Development" });
        local.Configuration.AddInMemoryCollection(values);
        Assert.True(local.TryAddFunctionAgentsHost(HostCommandLine.Parse([])));

        Assert.Equal(
            ["FunctionAgents.Durable.AzureStorage.LocalTaskHub", "FunctionAgents.Host.Azurite.AzuriteLauncherOptions", "FunctionAgents.Host.Hosting.StartupReport",
             "FunctionAgents.Host.Scheduling.IScheduleMonitor", "FunctionAgents.Runtime.Engine.IRunOrchestrations"],
            RootRegistrations.BeyondRoot(local.Services, shared));
    }
}
