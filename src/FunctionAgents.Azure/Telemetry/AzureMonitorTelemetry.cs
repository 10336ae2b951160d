using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using FunctionAgents.Runtime.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FunctionAgents.Azure.Telemetry;

/// <summary>
/// The Functions app's export: FunctionAgents spans, metrics and the app's logs to Application Insights through
/// the Azure Monitor OpenTelemetry exporter, authenticated with the app's managed identity (no instrumentation
/// key is a secret here, and local authentication can be switched off on the resource).
/// </summary>
public static class AzureMonitorTelemetry
{
    /// <summary>The connection string setting (App Insights' own name; infra sets it from the resource).</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The user-assigned identity's client id, when the app uses one (infra sets it).</summary>
    public const string ClientIdSetting = "AZURE_CLIENT_ID";

    /// <summary>
    /// Adds OpenTelemetry with the Azure Monitor exporters when <see cref="ConnectionStringSetting"/> is set; without
    /// it nothing is registered and nothing is exported. Returns whether the exporters were added.
    /// </summary>
    /// <param name="credential">The identity that sends telemetry; null uses the managed identity named by <see cref="ClientIdSetting"/>.</param>
    public static bool AddFunctionAgentsAzureMonitor(this IServiceCollection services, Func<string, string?> getSetting, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(getSetting);
        var connectionString = getSetting(ConnectionStringSetting);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        credential ??= new ManagedIdentityCredential(
            getSetting(ClientIdSetting) is { Length: > 0 } clientId
                ? ManagedIdentityId.FromUserAssignedClientId(clientId)
                : ManagedIdentityId.SystemAssigned);
        void Configure(AzureMonitorExporterOptions options)
        {
            options.ConnectionString = connectionString;
            options.Credential = credential;

            // Keep every span: the default rate-limited sampler would drop failures, denials and approvals under load.
            options.TracesPerSecond = null;
            options.SamplingRatio = 1.0F;
        }

        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddSource(FaTelemetry.Name)
                .AddAzureMonitorTraceExporter(Configure))
            .WithMetrics(metrics => metrics
                .AddMeter(FaTelemetry.Name)
                .AddAzureMonitorMetricExporter(Configure))
            .WithLogging(logging => logging.AddAzureMonitorLogExporter(Configure));
        return true;
    }
}
