using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace FunctionAgents.Mcp.Client;

/// <summary>
/// One configured MCP server's client, connected on first use. A call that breaks the connection drops it, so the next
/// call (a later step, never a retry of the same one) connects once more; nothing here loops.
/// </summary>
internal sealed class McpServerConnection : IAsyncDisposable
{
    private readonly McpServerSettings _settings;
    private readonly Func<string, string?> _getSetting;
    private readonly ILoggerFactory _loggerFactory;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private McpClient? _client;

    public McpServerConnection(McpServerSettings settings, Func<string, string?> getSetting, ILoggerFactory loggerFactory)
    {
        _settings = settings;
        _getSetting = getSetting;
        _loggerFactory = loggerFactory;
    }

    public string Name => _settings.Name;

    public McpServerSettings Settings => _settings;

    public async Task<McpClient> GetClientAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _client ??= await McpClient.CreateAsync(
                CreateTransport(),
                new McpClientOptions { ClientInfo = new Implementation { Name = "FunctionAgents", Version = "1.0" } },
                _loggerFactory,
                cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets a client whose connection failed; the next call connects afresh.</summary>
    public async Task DropAsync()
    {
        await _gate.WaitAsync();
        var client = _client;
        _client = null;
        _gate.Release();
        if (client is not null)
        {
            await DisposeQuietlyAsync(client);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { } client)
        {
            await DisposeQuietlyAsync(client);
        }

        _gate.Dispose();
    }

    private IClientTransport CreateTransport() => _settings.Transport switch
    {
        McpTransportKind.Stdio => new StdioClientTransport(
            new StdioClientTransportOptions
            {
                Name = _settings.Name,
                Command = _settings.Command!,
                Arguments = [.. _settings.Arguments],
                EnvironmentVariables = _settings.Environment.ToDictionary(p => p.Key, p => _getSetting(p.Value), StringComparer.Ordinal),
            },
            _loggerFactory),
        _ => new HttpClientTransport(
            new HttpClientTransportOptions
            {
                Name = _settings.Name,
                Endpoint = _settings.Url!,
                TransportMode = HttpTransportMode.StreamableHttp,
                ConnectionTimeout = TimeSpan.FromSeconds(10),
                AdditionalHeaders = _settings.Headers.ToDictionary(
                    p => p.Key,
                    p => _getSetting(p.Value) ?? throw new FormatException($"{McpServersFile.Setting}: header {p.Key} of server '{_settings.Name}' reads setting {p.Value}, which is not set"),
                    StringComparer.OrdinalIgnoreCase),
            },
            _loggerFactory),
    };

    private static async Task DisposeQuietlyAsync(McpClient client)
    {
        try
        {
            await client.DisposeAsync();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or OperationCanceledException)
        {
            // The connection is already broken; there is nothing left to close cleanly.
        }
    }
}
