using System.Net;
using FunctionAgents.Host.Hosting;
using FunctionAgents.Host.Tests.Support;
using FunctionAgents.Http.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Host.Tests.Http;

[Collection(HostCollection.Name)]
public sealed class ApiKeyStartupTests(HostFixture fixture)
{
    [Fact]
    public async Task Start_DevelopmentWithoutKeys_GeneratesAWorkingKeyForTenantDev()
    {
        // Arrange
        await using var host = fixture.CreateHost(new Dictionary<string, string?>
        {
            [ApiKeyRing.Setting] = string.Empty,
            [TestHost.EnvironmentSetting] = "Development",
        });

        // Act
        await host.StartAsync();
        var entry = host.Services.GetRequiredService<StartupReport>().GeneratedApiKey;
        using var client = host.Client(entry?["dev:".Length..]);
        var (status, _, _) = await Api.GetAsync(client, "/api/health");
        var runId = await Api.StartAsync(client);
        var (_, run, _) = await Api.GetAsync(client, $"/api/runs/{runId}");

        // Assert
        Assert.NotNull(entry);
        Assert.StartsWith("dev:", entry, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("dev", run.GetProperty("tenantId").GetString());
    }

    [Fact]
    public async Task Start_ProductionWithoutKeys_RefusesToStart()
    {
        await using var host = fixture.CreateHost(new Dictionary<string, string?>
        {
            [ApiKeyRing.Setting] = string.Empty,
            [TestHost.EnvironmentSetting] = "Production",
        });

        await Assert.ThrowsAsync<InvalidOperationException>(host.StartAsync);
    }
}
