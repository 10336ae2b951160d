using System.Diagnostics;
using Azure.Core;
using FunctionAgents.Azure.Telemetry;
using FunctionAgents.Runtime.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FunctionAgents.Azure.Tests.Telemetry;

/// <summary>The Functions app's Application Insights wiring builds, listens to FunctionAgents, and is off without a connection string.</summary>
public sealed class AzureMonitorTelemetryTests
{
    // An address only: with Entra authentication the instrumentation key is no secret. Nothing listens on port 9.
    private const string ConnectionString =
        "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=https://127.0.0.1:9/";

    [Fact]
    public void AddFunctionAgentsAzureMonitor_ConnectionStringSet_BuildsProvidersThatRecordFunctionAgentsSpans()
    {
        var services = new ServiceCollection().AddLogging();
        var settings = new Dictionary<string, string?> { [AzureMonitorTelemetry.ConnectionStringSetting] = ConnectionString };

        var added = services.AddFunctionAgentsAzureMonitor(name => settings.GetValueOrDefault(name), new NoTokenCredential());
        using var provider = services.BuildServiceProvider();
        var tracer = provider.GetRequiredService<TracerProvider>();
        Assert.NotNull(provider.GetRequiredService<MeterProvider>());
        Assert.NotNull(provider.GetRequiredService<ILoggerFactory>().CreateLogger("FunctionAgents"));
        using var activity = FaTelemetry.Source.StartActivity("probe");

        Assert.True(added);
        Assert.NotNull(tracer);
        Assert.NotNull(activity);
        Assert.True(activity.Recorded);
    }

    [Fact]
    public void AddFunctionAgentsAzureMonitor_NoConnectionString_AddsNothing()
    {
        var services = new ServiceCollection().AddLogging();

        var added = services.AddFunctionAgentsAzureMonitor(_ => null);
        using var provider = services.BuildServiceProvider();

        Assert.False(added);
        Assert.Null(provider.GetService<TracerProvider>());
        Assert.Null(provider.GetService<MeterProvider>());
    }

    /// <summary>A credential that is never asked: nothing is sent within the test.</summary>
    private sealed class NoTokenCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("test-token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
