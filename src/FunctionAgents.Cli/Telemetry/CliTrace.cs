using System.Diagnostics;
using FunctionAgents.Runtime.Telemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;
using OpenTelemetry;

namespace FunctionAgents.Cli.Telemetry;

/// <summary>
/// The span of one long CLI command (<c>fa eval replay</c>, <c>fa verify</c>): a child of <c>TRACEPARENT</c> when a CI
/// pipeline sets it, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Disposing ends and flushes it.
/// </summary>
internal sealed class CliTrace : IDisposable
{
    /// <summary>The W3C traceparent a pipeline passes down (the name CI tools and otel-cli use).</summary>
    public const string TraceParentSetting = "TRACEPARENT";

    private readonly TracerProvider? _provider;

    private CliTrace(TracerProvider? provider, Activity? activity)
    {
        _provider = provider;
        Activity = activity;
    }

    /// <summary>The command's span, or null when nothing listens.</summary>
    public Activity? Activity { get; }

    public static CliTrace Start(CliContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        TracerProvider? provider = null;
        if (context.GetSetting("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 } endpoint && Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            var http = context.GetSetting("OTEL_EXPORTER_OTLP_PROTOCOL") == "http/protobuf";
            provider = Sdk.CreateTracerProviderBuilder()
                .AddSource(FaTelemetry.Name)
                .AddOtlpExporter(o =>
                {
                    o.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                    o.Endpoint = http ? new Uri(uri, "v1/traces") : uri;
                })
                .Build();
        }

        var parent = RunTelemetry.TryParse(context.GetSetting(TraceParentSetting)) ?? default;
        return new CliTrace(provider, FaTelemetry.Source.StartActivity(name, ActivityKind.Internal, parent));
    }

    /// <summary>Records the command's exit code; a non-zero one marks the span failed.</summary>
    public int Finish(int exitCode)
    {
        Activity?.SetTag("process.exit.code", exitCode);
        if (exitCode != 0)
        {
            Activity?.SetStatus(ActivityStatusCode.Error, $"exit code {exitCode}");
        }

        return exitCode;
    }

    public void Dispose()
    {
        Activity?.Dispose();
        _provider?.Dispose();
    }
}
