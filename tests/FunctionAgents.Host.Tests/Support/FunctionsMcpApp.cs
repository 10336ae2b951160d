using FunctionAgents.Http.Routing;
using FunctionAgents.Http.Auth;
using FunctionAgents.Mcp.Server;
using FunctionAgents.Runtime.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Host.Tests.Support;

/// <summary>
/// The Functions app's MCP function as far as it can run here (the Functions host cannot): a Kestrel app on 127.0.0.1
/// with the app's MCP wiring (<see cref="McpServerEndpoints.AddFunctionAgentsMcpServer"/>) and no endpoint routing. It
/// does what the host and <c>McpHttpFunction</c> do: a request to <c>api/mcp</c> with one of the trigger's methods is
/// handed to <see cref="McpHttpHandler.HandleAsync"/>; anything else is the host's 404. Runs go to the shared host's
/// storage (its <see cref="RunCommands"/>), whose engine runs them, like the Functions app's orchestrations would.
/// No <c>IHttpContextAccessor</c> is registered: the isolated worker does not fill one.
/// </summary>
public sealed class FunctionsMcpApp : IAsyncDisposable
{
    public const string Route = "/" + FunctionRoutes.RoutePrefix + "/" + FunctionRoutes.Mcp;

    private readonly WebApplication _app;

    private FunctionsMcpApp(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<FunctionsMcpApp> StartAsync(TestHost storage)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(storage.Services.GetRequiredService<RunCommands>());
        builder.Services.AddSingleton(storage.Services.GetRequiredService<ApiKeyRing>());
        builder.Services.AddFunctionAgentsMcpServer();

        var app = builder.Build();
        var handler = app.Services.GetRequiredService<McpHttpHandler>();
        app.Run(context =>
            context.Request.Path.Equals(Route, StringComparison.OrdinalIgnoreCase)
                && McpHttpHandler.Methods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase)
                ? handler.HandleAsync(context)
                : Results.NotFound().ExecuteAsync(context));
        await app.StartAsync();
        return new FunctionsMcpApp(app, new Uri(app.Urls.Single()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
