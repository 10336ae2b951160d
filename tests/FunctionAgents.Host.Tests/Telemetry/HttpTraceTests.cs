using System.Diagnostics;
using FunctionAgents.Host.Telemetry;
using FunctionAgents.Host.Tests.Support;
using FunctionAgents.Runtime.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace FunctionAgents.Host.Tests.Telemetry;

/// <summary>With OTLP configured, a caller's traceparent header is the run trace's parent, through the HTTP span.</summary>
[Collection(HostCollection.Name)]
public sealed class HttpTraceTests(HostFixture fixture)
{
    private const string CallerTraceId = "0af7651916cd43dd8448eb211c80319c";
    private const string CallerSpanId = "b7ad6b7169203331";

    [Fact]
    public async Task StartRun_CallerTraceParentHeader_BecomesTheRunTracesParent()
    {
        var spans = new List<Activity>();
        // Nothing listens on this port: the OTLP exporter's failures stay inside the exporter and nothing fails.
        await using var host = fixture.CreateHost(
            new Dictionary<string, string?> { [HostTelemetry.OtlpEndpointSetting] = "http://127.0.0.1:9" },
            services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
        await host.StartAsync();
        using var client = host.Client();

        var (status, body, _) = await Api.PostAsync(
            client, "/api/runs", $$"""{"goal":"{{Api.Goal}}"}""",
            new Dictionary<string, string> { ["traceparent"] = $"00-{CallerTraceId}-{CallerSpanId}-01" });
        var runId = body.GetProperty("runId").GetString()!;
        await Api.WaitForStatusAsync(client, runId, "completed", "failed", "awaiting_approval");
        host.Services.GetRequiredService<TracerProvider>().ForceFlush();

        Assert.Equal(System.Net.HttpStatusCode.Accepted, status);
        var server = Assert.Single(spans, s => s.Kind == ActivityKind.Server && s.DisplayName.StartsWith("POST", StringComparison.Ordinal));
        Assert.Equal(CallerTraceId, server.TraceId.ToHexString());
        Assert.Equal(CallerSpanId, server.ParentSpanId.ToHexString());
        var run = Assert.Single(spans, s => s.DisplayName == SpanNames.Run);
        Assert.Equal(server.SpanId, run.ParentSpanId);
        Assert.Equal(runId, run.GetTagItem(TelemetryTags.RunId));
        var (_, events, _) = await Api.GetAsync(client, $"/api/runs/{runId}/events");
        Assert.All(events.GetProperty("events").EnumerateArray(), e =>
            Assert.Contains(CallerTraceId, e.GetProperty("traceParent").GetString(), StringComparison.Ordinal));
        Assert.Equal(run.Id, events.GetProperty("events")[0].GetProperty("traceParent").GetString());
    }
}
