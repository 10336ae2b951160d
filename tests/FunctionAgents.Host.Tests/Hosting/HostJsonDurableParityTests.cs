using System.Text.Json;
using FunctionAgents.Azure.Content;
using FunctionAgents.Durable.AzureStorage;

namespace FunctionAgents.Host.Tests.Hosting;

/// <summary>The Functions app's Durable engine is tuned like the local one: host.json holds the local defaults.</summary>
public sealed class HostJsonDurableParityTests
{
    [Fact]
    public void HostJson_DurableTask_SameEngineValuesAsTheLocalTaskHub()
    {
        var root = ContentPaths.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("Run the tests from a clone.");
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "host.json")));
        var durable = hostJson.RootElement.GetProperty("extensions").GetProperty("durableTask");
        var provider = durable.GetProperty("storageProvider");
        var local = new LocalTaskHubOptions { ConnectionString = "UseDevelopmentStorage=true" };

        Assert.Equal(local.PartitionCount, provider.GetProperty("partitionCount").GetInt32());
        Assert.Equal(local.ControlQueueBatchSize, provider.GetProperty("controlQueueBatchSize").GetInt32());
        Assert.Equal(local.ExtendedSessions, durable.GetProperty("extendedSessionsEnabled").GetBoolean());
    }
}
