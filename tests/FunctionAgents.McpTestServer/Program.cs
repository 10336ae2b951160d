using FunctionAgents.McpTestServer;

// stdio by default (stdout is the protocol, so no console logging); "--http" listens on 127.0.0.1 on a free port and
// prints "listening <url>" once it accepts connections.
if (args.Contains("--http"))
{
    var web = WebApplication.CreateBuilder();
    web.WebHost.UseUrls("http://127.0.0.1:0");
    web.Logging.ClearProviders();
    web.Services.AddMcpServer().WithHttpTransport(o => o.Stateless = true).WithTools<TestTools>();
    var app = web.Build();
    app.MapMcp("/mcp");
    await app.StartAsync();
    Console.WriteLine("listening " + app.Urls.First() + "/mcp");
    await app.WaitForShutdownAsync();
    return;
}

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Services.AddMcpServer().WithStdioServerTransport().WithTools<TestTools>();
await builder.Build().RunAsync();
