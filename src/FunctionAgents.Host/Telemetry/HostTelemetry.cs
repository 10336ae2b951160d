using FunctionAgents.Http.Auth;
using FunctionAgents.Http.Problems;
using FunctionAgents.Http.Routing;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Runtime.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

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

    /// <summary>
    /// The operator keys that may read <see cref="MetricsPath"/> (every tenant's series): <c>name:key</c> pairs separated
    /// by commas, like <c>FA_ADMIN_KEYS</c>, whose keys may read it too.
    /// </summary>
    public const string MetricsKeysSetting = "FA_METRICS_KEYS";

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

    /// <summary>
    /// Maps <see cref="MetricsPath"/>. The series carry every tenant's figures, so only an operator reads them: a key of
    /// <see cref="MetricsKeysSetting"/> or an admin key (<c>FA_ADMIN_KEYS</c>), sent in <c>x-functions-key</c>,
    /// <c>x-admin-key</c> or <c>Authorization: Bearer</c>. A tenant's API key gets 403, no key (or an unknown one) 401.
    /// <see cref="MetricsPublicSetting"/> <c>true</c> opens it to anyone.
    /// </summary>
    /// <exception cref="FormatException"><see cref="MetricsKeysSetting"/> is malformed.</exception>
    public static IEndpointRouteBuilder MapFunctionAgentsMetrics(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(configuration);
        var isPublic = bool.TryParse(configuration[MetricsPublicSetting], out var flag) && flag;
        var metricsKeys = AdminKeyRing.Parse(configuration[MetricsKeysSetting], MetricsKeysSetting);
        endpoints.MapPrometheusScrapingEndpoint(
            MetricsPath, meterProvider: null, configureBranchedPipeline: isPublic ? null : pipeline => RequireOperatorKey(pipeline, metricsKeys), optionsName: null);
        return endpoints;
    }

    /// <summary><see cref="MapFunctionAgentsMetrics"/>, writing a malformed setting to stderr instead of throwing.</summary>
    public static bool TryMapFunctionAgentsMetrics(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        try
        {
            endpoints.MapFunctionAgentsMetrics(configuration);
            return true;
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine("FunctionAgents.Host cannot start: " + ex.Message);
            return false;
        }
    }

    private static void RequireOperatorKey(IApplicationBuilder pipeline, AdminKeyRing metricsKeys) =>
        pipeline.Use(async (context, next) =>
        {
            var admins = context.RequestServices.GetService<AdminKeyRing>();
            var tenants = context.RequestServices.GetRequiredService<ApiKeyRing>();
            var presented = PresentedKeys(context.Request.Headers).ToList();
            if (presented.Exists(key => metricsKeys.FindAdmin(key) is not null || admins?.FindAdmin(key) is not null))
            {
                await next(context);
                return;
            }

            var result = presented.Exists(key => tenants.FindTenant(key) is not null) ? OperatorKeyRequired() : ApiProblems.Unauthorized();
            await result.ExecuteAsync(context);
        });

    /// <summary>The keys a request carries: the API key header, the admin key header and a bearer token.</summary>
    private static IEnumerable<string> PresentedKeys(IHeaderDictionary headers)
    {
        foreach (var name in new[] { ApiRoutes.ApiKeyHeader, AdminKeyRing.Header })
        {
            foreach (var value in headers[name])
            {
                if (!string.IsNullOrEmpty(value))
                {
                    yield return value;
                }
            }
        }

        foreach (var value in headers.Authorization)
        {
            if (value is not null && value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) && value.Length > BearerPrefix.Length)
            {
                yield return value[BearerPrefix.Length..].Trim();
            }
        }
    }

    /// <summary>403: a tenant's key is valid for the API but not for every tenant's metrics.</summary>
    private static IResult OperatorKeyRequired() =>
        ApiProblems.Forbidden(
            "An operator key is required.",
            $"GET {MetricsPath} shows every tenant's series, so a tenant's API key may not read it. Send a key listed in " +
            $"{MetricsKeysSetting} or {PrivacySettingNames.AdminKeys} in the {ApiRoutes.ApiKeyHeader} or {AdminKeyRing.Header} header " +
            $"(or as a bearer token), or set {MetricsPublicSetting}=true to serve it without a key.");

    private const string BearerPrefix = "Bearer ";
}
