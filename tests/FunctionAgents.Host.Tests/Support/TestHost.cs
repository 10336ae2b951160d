using System.Net.Http.Headers;
using FunctionAgents.Azure.Content;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Http.Auth;
using FunctionAgents.Http.Routing;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Host.Tests.Support;

/// <summary>The real host (Program) in memory via WebApplicationFactory, on the fixture's Azurite with a unique storage prefix.</summary>
public sealed class TestHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public TestHost(string connectionString, string apiKeys, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? services = null)
    {
        _services = services;
        Prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        _settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [StorageSettings.ConnectionSetting] = connectionString,
            [ApiKeyRing.Setting] = apiKeys,
            [StorageSettings.PrefixSetting] = Prefix,
            [ContentSettings.DataPathSetting] = Path.Combine(Path.GetTempPath(), "functionagents-tests"),
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[name] = value;
        }
    }

    /// <summary>A pseudo-setting that picks the host environment (default <c>Testing</c>).</summary>
    public const string EnvironmentSetting = "TEST_ENVIRONMENT";

    public string Prefix { get; }

    public StorageNames Names => Services.GetRequiredService<StorageNames>();

    public IEventJournal Journal => Services.GetRequiredService<IEventJournal>();

    /// <summary>A queue client on the host's storage (the names carry the host's prefix: see <see cref="Names"/>).</summary>
    public QueueStorageClient CreateQueueClient() => Services.GetRequiredService<QueueStorageClient>();

    public TableStorageClient CreateTableClient() => Services.GetRequiredService<TableStorageClient>();

    /// <summary>Builds the host now (it starts on first use otherwise).</summary>
    public Task StartAsync()
    {
        _ = Server;
        return Task.CompletedTask;
    }

    /// <summary>A client that sends <paramref name="apiKey"/> (none when null); every response it receives is checked against the OpenAPI document.</summary>
    public HttpClient Client(string? apiKey = HostFixture.AlphaKey)
    {
        var client = CreateDefaultClient(new Uri("http://localhost"), new OpenApiValidatingHandler());
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(ApiRoutes.ApiKeyHeader, apiKey);
        }

        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>A handler into the host that checks every response against the OpenAPI document (for clients the tests do not build, e.g. the CLI's).</summary>
    public HttpMessageHandler ValidatingHandler() => new OpenApiValidatingHandler { InnerHandler = Server.CreateHandler() };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_settings.GetValueOrDefault(EnvironmentSetting) ?? "Testing");
        foreach (var (name, value) in _settings)
        {
            builder.UseSetting(name, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}
