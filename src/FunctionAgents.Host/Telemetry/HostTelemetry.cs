using FunctionAgents.Http.Auth;
using FunctionAgents.Http.Problems;
using FunctionAgents.Runtime.Hosting;
using FunctionAgents.Runtime.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OpenTelemetry;

namespace FunctionAgents.Host.Telemetry;

/// <summary>
/// The local host's OpenTelemetry: FunctionAgents spans and metrics, ASP.NET Core and HttpClient spans, OTLP export
/// when <see cref="OtlpEndpointSetting"/> is set, and the metrics as Prometheus text at <see cref="MetricsPath"/>.
/// </summary>
internal static class HostTelemetry
{
    /// <summary>The standard OpenTelemetry setting; when absent nothing is pushed anywhere.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary><c>true</c> serves <see cref="MetricsPath"/> without an API key (a scraper inside a private network).</summary>
    public const string MetricsPublicSetting = "FA_METRICS_PUBLIC";

    /// <summary>The service name on every span and metric.</summary>
    public const string ServiceName = "functionagents-host";

    /// <summary>Where Prometheus scrapes.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Adds tracing (only with an OTLP endpoint: without one there is nowhere to send spans) and metrics.</summary>
    public static IServiceCollection AddFunctionAgentsHostTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]);
        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(ServiceName));
        if (otlp)
        {
            // The OTLP exporter reads OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL and _HEADERS itself.
            telemetry.UseOtlpExporter();
            telemetry.WithTracing(tracing => tracing
                .AddSource(FaTelemetry.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => context.Request.Path != MetricsPath)
                .AddHttpClientInstrumentation());
        }

        telemetry.WithMetrics(metrics => metrics
            .AddMeter(FaTelemetry.Name)
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>Maps <see cref="MetricsPath"/>: behind the API key (any tenant's) unless <see cref="MetricsPublicSetting"/> is true.</summary>
    public static IEndpointRouteBuilder MapFunctionAgentsMetrics(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var isPublic = bool.TryParse(configuration[MetricsPublicSetting], out var flag) && flag;
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: isPublic ? null : RequireKey, optionsName: null);
        return endpoints;
    }

    private static void RequireKey(IApplicationBuilder pipeline) =>
        pipeline.Use(async (context, next) =>
        {
            var keys = context.RequestServices.GetRequiredService<ApiKeyRing>();
            var values = context.Request.Headers[ApiRoutes.ApiKeyHeader];
            if (values.Count != 1 || keys.FindTenant(values[0]) is null)
            {
                await ApiProblems.Unauthorized().ExecuteAsync(context);
                return;
            }

            await next(context);
        });
}
