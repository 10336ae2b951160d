// Reference sheet section 1.5 (serializer), 3.1 (the Durable extension registers itself: no Program.cs call).
using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Evaluation;
using FunctionAgents.Azure.Forensics;
using FunctionAgents.Azure.Memory;
using FunctionAgents.Azure.Privacy;
using FunctionAgents.Azure.Telemetry;
using FunctionAgents.Durable;
using FunctionAgents.Functions.Orchestration;
using FunctionAgents.Http.Auth;
using FunctionAgents.Http.Dashboard;
using FunctionAgents.Http.Endpoints;
using FunctionAgents.Http.Evaluations;
using FunctionAgents.Http.Forensics;
using FunctionAgents.Http.Privacy;
using FunctionAgents.Mcp.Server;
using FunctionAgents.Mcp;
using FunctionAgents.Runtime.Engine;
using FunctionAgents.Runtime.Forensics.Retention;
using FunctionAgents.Runtime.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FunctionAgents.Functions;

/// <summary>
/// The Functions app's services (Program.cs calls this and nothing else): Application Insights telemetry, the same
/// extension methods the local host calls, with the run orchestrations on the Durable client each starting or waking
/// trigger binds (<see cref="InvocationDurableClient"/>).
/// </summary>
internal static class FunctionsWiring
{
    public static IServiceCollection AddFunctionAgentsFunctionsApp(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        // Telemetry first, so its providers see every FunctionAgents source the registrations below add.
        services.AddFunctionAgentsAzureMonitor(name => configuration[name]);
        var settings = FunctionAgentsSettings.FromSettings(name => configuration[name]);
        services.AddFunctionAgentsStorage(settings, name => configuration[name]);
        services.AddFunctionAgentsCore(settings, contentRoot, name => configuration[name]);
        services.AddFunctionAgentsMcpTools(name => configuration[name], contentRoot);
        services.AddFunctionAgentsEvaluation(settings);
        services.AddFunctionAgentsForensics(RetentionSettings.FromSetting(configuration[RetentionSettings.MinimumRetentionDays]));
        services.AddFunctionAgentsPrivacy(settings, name => configuration[name]);
        services.AddFunctionAgentsPrivacyHttp(name => configuration[name]);
        services.AddFunctionAgentsMemory(settings, name => configuration[name], PrivacyServiceCollectionExtensions.TableServicesFor(settings, name => configuration[name]));
        services.AddFunctionAgentsHttp(ApiKeyRing.Parse(settings.ApiKeys));
        services.AddFunctionAgentsEvaluationsHttp();
        services.AddFunctionAgentsForensicsHttp();
        services.AddFunctionAgentsDashboard();
        services.AddFunctionAgentsMcpServer();
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton<InvocationDurableClient>();
        services.AddSingleton<IRunOrchestrations>(sp =>
        {
            var bound = sp.GetRequiredService<InvocationDurableClient>();
            return new ClientRunOrchestrations(() => bound.Current);
        });
        return services;
    }
}
