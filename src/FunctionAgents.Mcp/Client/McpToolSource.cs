using System.Text.Json;
using FunctionAgents.Domain.Tools;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;

namespace FunctionAgents.Mcp.Client;

/// <summary>
/// Connects to every configured server at startup, lists its tools and keeps the allowed ones (with the server's
/// input schema) as <see cref="McpTool"/>s. A server that cannot be reached, or that lacks an allowed tool, is logged
/// and left out: the planner never sees a tool it could not call.
/// </summary>
internal sealed class McpToolSource : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);

    private readonly List<McpServerConnection> _connections;
    private readonly ILogger _logger;

    public McpToolSource(IReadOnlyList<McpServerSettings> servers, Func<string, string?> getSetting, ILoggerFactory loggerFactory)
    {
        _connections = [.. servers.Select(s => new McpServerConnection(s, getSetting, loggerFactory))];
        _logger = loggerFactory.CreateLogger<McpToolSource>();
    }

    public async Task<IReadOnlyList<ITool>> LoadAsync(CancellationToken cancellationToken = default)
    {
        var tools = new List<ITool>();
        foreach (var connection in _connections)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartupTimeout);
            IList<McpClientTool> offered;
            try
            {
                var client = await connection.GetClientAsync(timeout.Token);
                offered = await client.ListToolsAsync(cancellationToken: timeout.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || timeout.IsCancellationRequested)
            {
                Log.ServerUnavailable(_logger, connection.Name, ex);
                await connection.DropAsync();
                continue;
            }

            var allowed = 0;
            foreach (var (name, limits) in connection.Settings.Tools)
            {
                if (offered.FirstOrDefault(t => t.Name == name) is not { } tool)
                {
                    Log.ToolMissing(_logger, connection.Name, name);
                    continue;
                }

                var schema = tool.JsonSchema.ValueKind == JsonValueKind.Object ? tool.JsonSchema.Clone() : JsonDocument.Parse("""{"type":"object"}""").RootElement.Clone();
                tools.Add(new McpTool(connection, name, tool.Description, schema, limits));
                allowed++;
            }

            Log.ServerConnected(_logger, connection.Name, offered.Count, allowed);
        }

        return tools;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }
}
