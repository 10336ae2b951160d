using System.Net;
using FunctionAgents.Azure.Content;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Http.Auth;
using FunctionAgents.Http.Routing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Dashboard.Tests.Support;

/// <summary>
/// The real local host (its Program) on Kestrel at a free loopback port, on the fixture's Azurite with its own storage
/// prefix: the browser talks to it over a real socket, exactly as a user's browser would.
/// </summary>
public sealed class DashboardHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public DashboardHost(string connectionString, string apiKeys)
    {
        _settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [StorageSettings.ConnectionSetting] = connectionString,
            [ApiKeyRing.Setting] = apiKeys,
            [StorageSettings.PrefixSetting] = "d" + Guid.NewGuid().ToString("N")[..12],
            [ContentSettings.DataPathSetting] = Path.Combine(Path.GetTempPath(), "functionagents-dashboard-tests"),
        };
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The host's root, e.g. <c>http://127.0.0.1:41234/</c>; valid after <see cref="Start"/>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single().TrimEnd('/') + "/");
    }

    /// <summary>An HTTP client on the real socket that sends <paramref name="apiKey"/>.</summary>
    public HttpClient Client(string apiKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add(ApiRoutes.ApiKeyHeader, apiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (name, value) in _settings)
        {
            builder.UseSetting(name, value);
        }
    }
}
