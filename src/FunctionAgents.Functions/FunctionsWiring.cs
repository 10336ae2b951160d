// Reference sheet section 1.5 (serializer), 3.1 (the Durable extension registers itself: no Program.cs call).
using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Privacy;
using FunctionAgents.Azure.Telemetry;
using FunctionAgents.Durable;
using FunctionAgents.Functions.Orchestration;
using FunctionAgents.Http.Auth;
using FunctionAgents.Mcp;
using FunctionAgents.Runtime.Engine;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace FunctionAgents.Functions;

/// <summary>
/// The Functions app's services (Program.cs calls this and nothing else): the startup checks, telemetry, the same
/// extension methods the local host calls, with the run orchestrations on the Durable client each starting or waking
/// trigger binds (<see cref="InvocationDurableClient"/>).
/// </summary>
internal static class FunctionsWiring
{
    private const string CannotStart = "FunctionAgents.Functions cannot start: ";

    /// <summary>The worker's own activity source: its invocation span, the parent of every FunctionAgents span of a call.</summary>
    private const string WorkerActivitySource = "Microsoft.Azure.Functions.Worker";

    /// <summary>Adds the app to <paramref name="builder"/>, builds and runs it; a refused start writes one line to stderr and returns 1.</summary>
    public static async Task<int> RunFunctionAgentsAsync<TBuilder>(this TBuilder builder, Func<TBuilder, IHost> build)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(build);
        try
        {
            builder.AddFunctionAgentsFunctionsApp();
            using var host = build(builder);
            await host.RunAsync();
            return 0;
        }
        catch (Exception ex) when (ex is FunctionsStartupException or PrivacyKeyUnavailableException)
        {
            await Console.Error.WriteLineAsync(CannotStart + ex.Message);
            return 1;
        }
    }

    /// <summary>Checks the settings (<see cref="FunctionsStartupCheck"/>) and registers the app's services.</summary>
    /// <exception cref="FunctionsStartupException">A setting is missing or malformed; the message names it.</exception>
    public static IHostApplicationBuilder AddFunctionAgentsFunctionsApp(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        FunctionsStartupCheck.Validate(name => configuration[name], builder.Environment.IsDevelopment());
        try
        {
            builder.Services.AddFunctionAgentsFunctionsApp(configuration, builder.Environment.ContentRootPath);
        }
        catch (FormatException ex)
        {
            throw new FunctionsStartupException(ex.Message, ex);
        }

        return builder;
    }

    public static IServiceCollection AddFunctionAgentsFunctionsApp(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        // Telemetry first, so its providers see every FunctionAgents source the registrations below add. With host.json's
        // "telemetryMode": "OpenTelemetry", the worker defaults declare that the worker exports its own logs and spans (the
        // host then does not forward them a second time) and parent them under the host's request span (docs/telemetry.md).
        if (services.AddFunctionAgentsAzureMonitor(name => configuration[name]))
        {
            services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddSource(WorkerActivitySource))
                .UseFunctionsWorkerDefaults();
        }

        // The shared root and API (the local host calls the same two), then the app's own bindings: the storage
        // initializer and the run orchestrations on the Durable client each trigger binds.
        var settings = FunctionAgentsSettings.FromSettings(name => configuration[name]);
        services.AddFunctionAgents(settings, name => configuration[name], contentRoot);
        services.AddFunctionAgentsApi(ApiKeyRing.FromSettings(name => configuration[name]), name => configuration[name], contentRoot);
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
