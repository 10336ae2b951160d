// Reference sheet sections 1.1 A (FunctionsApplication builder), 1.2 (ASP.NET Core integration); telemetry: docs/telemetry.md.
using FunctionAgents.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddFunctionAgentsFunctionsApp(builder.Configuration, AppContext.BaseDirectory);
builder.Build().Run();
