using System.Net;
using System.Net.Sockets;
using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Host.Tests.Support;

namespace FunctionAgents.Host.Tests.Runs;

[Collection(HostCollection.Name)]
public sealed class StorageHealthTests(HostFixture fixture)
{
    [Fact]
    public async Task EnsureCreated_Twice_CreatesEverythingOnceAndReportsEmptyQueues()
    {
        var names = StorageNames.Create("h" + Guid.NewGuid().ToString("N")[..12]);
        var storage = new FunctionAgentsStorage(fixture.CreateTableClient(), fixture.CreateQueueClient(), names, [names.Table("Tickets")]);

        await storage.EnsureCreatedAsync();
        await storage.EnsureCreatedAsync();
        var health = await storage.CheckAsync();

        Assert.True(health.Reachable);
        Assert.Equal(names.AllQueues.Order(), health.QueueDepths.Keys.Order());
        Assert.All(health.QueueDepths.Values, depth => Assert.Equal(0, depth));
        Assert.Contains(names.Table("Tickets"), storage.Tables);
    }

    [Fact]
    public async Task Check_StorageUnreachable_ReportsItWithoutThrowing()
    {
        var port = ClosedPort();
        var clients = StorageClientFactory.FromConnectionString(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Testing.AzuriteProcess.AccountKey};" +
            $"QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;",
            new StorageClientOptions { MaxAttempts = 1 });
        var storage = new FunctionAgentsStorage(clients.CreateTableClient(), clients.CreateQueueClient(), StorageNames.Create(null));

        var health = await storage.CheckAsync();

        Assert.False(health.Reachable);
        Assert.False(string.IsNullOrEmpty(health.Error));
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
