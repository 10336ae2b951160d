using FunctionAgents.Host.Hosting;
using FunctionAgents.Host.Telemetry;
using FunctionAgents.Http.Endpoints;
using FunctionAgents.Mcp.Server;

var commandLine = HostCommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(commandLine.HostArgs);
if (!builder.TryAddFunctionAgentsHost(commandLine))
{
    return 1;
}

await using var app = builder.Build();
app.MapFunctionAgentsApi();
app.MapDashboardAtRoot();
if (!app.TryMapFunctionAgentsMetrics(app.Configuration))
{
    return 1;
}

app.MapFunctionAgentsMcp();
return await app.RunFunctionAgentsAsync(commandLine);
