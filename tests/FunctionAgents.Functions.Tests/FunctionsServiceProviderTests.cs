using System.Reflection;
using FunctionAgents.Core.Journal;
using FunctionAgents.Core.Telemetry;
using FunctionAgents.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        using var provider = Build(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["FA_API_KEYS"] = "k1:tenant-a" });
        var functionClasses = typeof(FunctionsWiring).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null)) // static classes need no instance
            .ToList();

        var constructed = functionClasses.Select(t => ActivatorUtilities.CreateInstance(provider, t)).ToList();

        Assert.NotEmpty(functionClasses);
        Assert.All(constructed, Assert.NotNull);
        Assert.NotNull(provider.GetRequiredService<IEventJournal>());
    }

    [Fact]
    public void FunctionsApp_WithAnApplicationInsightsConnection_RecordsFunctionAgentsSpans()
    {
        using var provider = Build(new()
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["FA_API_KEYS"] = "k1:tenant-a",
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = AppInsights,
        });

        var tracer = provider.GetRequiredService<TracerProvider>();
        Assert.NotNull(provider.GetRequiredService<MeterProvider>());
        using var activity = FaTelemetry.Source.StartActivity("probe");

        Assert.NotNull(tracer);
        Assert.NotNull(activity);
        Assert.True(activity.Recorded);
    }

    [Fact]
    public void FunctionsApp_WithoutApplicationInsights_ExportsNothing()
    {
        using var provider = Build(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["FA_API_KEYS"] = "k1:tenant-a" });

        Assert.Null(provider.GetService<TracerProvider>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddFunctionAgentsFunctionsApp(configuration, AppContext.BaseDirectory);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
