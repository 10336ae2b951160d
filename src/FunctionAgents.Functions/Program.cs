// Reference sheet sections 1.1 A (FunctionsApplication builder), 1.2 (ASP.NET Core integration); telemetry: docs/telemetry.md.
using FunctionAgents.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
return await builder.RunFunctionAgentsAsync(b => b.Build());
