using System.Reflection;
using FunctionAgents.Functions;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Telemetry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FunctionAgents.Functions.Tests;

/// <summary>
/// Builds the Functions app's service provider exactly as Program.cs registers it (the Functions host cannot run here),
/// validates every registration, and constructs every class that holds a [Function] the way the worker does.
/// </summary>
public sealed class FunctionsServiceProviderTests
{
    // Addresses only: nothing is contacted while the provider is built and the classes are constructed.
    private const string AppInsights =
        "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=https://127.0.0.1:9/";

    [Fact]
    public void FunctionsApp_EveryRegistrationValidates_AndEveryFunctionClassIsConstructed()
    {
        using var host = Build(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["FA_API_KEYS"] = "k1:tenant-a" });
        var functionClasses = typeof(FunctionsWiring).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null)) // static classes need no instance
            .ToList();

        var constructed = functionClasses.Select(t => ActivatorUtilities.CreateInstance(host.Services, t)).ToList();

        Assert.NotEmpty(functionClasses);
        Assert.All(constructed, Assert.NotNull);
        Assert.NotNull(host.Services.GetRequiredService<IEventJournal>());
    }

    [Fact]
    public void FunctionsApp_WithAnApplicationInsightsConnection_RecordsFunctionAgentsSpans()
    {
        using var host = Build(new()
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["FA_API_KEYS"] = "k1:tenant-a",
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = AppInsights,
        });

        var tracer = host.Services.GetRequiredService<TracerProvider>();
        Assert.NotNull(host.Services.GetRequiredService<MeterProvider>());
        using var activity = FaTelemetry.Source.StartActivity("probe");

        Assert.NotNull(tracer);
        Assert.NotNull(activity);
        Assert.True(activity.Recorded);
    }

    [Fact]
    public void FunctionsApp_WithApplicationInsights_ExportsOnceUnderTheHostsRequestSpan()
    {
        using var host = Build(new()
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["FA_API_KEYS"] = "k1:tenant-a",
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = AppInsights,
        });
        using var hostJson = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(ArtifactPaths.Root, "host.json")));

        _ = host.Services.GetRequiredService<TracerProvider>();
        var capabilities = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WorkerOptions>>().Value.Capabilities;
        using var invocation = new System.Diagnostics.ActivitySource("Microsoft.Azure.Functions.Worker").StartActivity("Invoke");

        // The host exports its request span and, told by this capability that the worker exports its own logs and spans,
        // does not forward the worker's logs a second time (Azure/azure-functions-dotnet-worker#1889).
        Assert.Equal("OpenTelemetry", hostJson.RootElement.GetProperty("telemetryMode").GetString());
        Assert.True(capabilities.TryGetValue("WorkerOpenTelemetryEnabled", out var enabled) && string.Equals(enabled, "true", StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(invocation);
        Assert.True(invocation.Recorded);
    }

    [Fact]
    public void FunctionsApp_WithoutApplicationInsights_ExportsNothing()
    {
        using var host = Build(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["FA_API_KEYS"] = "k1:tenant-a" });

        Assert.Null(host.Services.GetService<TracerProvider>());
    }

    // A plain generic host supplies what the Functions host supplies too (lifetime, environment, logging); the app's
    // registrations are then validated on build.
    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FA_STORAGE_PREFIX"] = "fa",
            ["FA_SWEEP_SCHEDULE"] = "0 */5 * * * *",
            ["FA_NIGHTLY_SCHEDULE"] = "0 0 2 * * *",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddFunctionAgentsFunctionsApp();
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        return builder.Build();
    }
}
