using System.Net;
using FunctionAgents.Host.Telemetry;
using FunctionAgents.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace FunctionAgents.Host.Tests.Telemetry;

/// <summary>GET /metrics: Prometheus text with the run figures, behind the API key unless FA_METRICS_PUBLIC=true.</summary>
[Collection(HostCollection.Name)]
public sealed class MetricsEndpointTests(HostFixture fixture)
{
    [Fact]
    public async Task Metrics_WithKeyAfterARun_AnswersPrometheusTextWithTheRunFigures()
    {
        await using var host = fixture.CreateHost();
        await host.StartAsync();
        using var client = host.Client();
        var runId = await Api.StartAsync(client);
        await Api.WaitForStatusAsync(client, runId, "completed", "failed", "awaiting_approval");

        using var response = await client.GetAsync(new Uri(HostTelemetry.MetricsPath, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("# TYPE fa_runs_started_total counter", text, StringComparison.Ordinal);
        Assert.Matches("(?m)^fa_runs_started_total\\{[^}]*fa_run_source=\"http\",fa_tenant=\"alpha\"\\} [1-9]", text);
        Assert.Contains("fa_policy_decisions_total{", text, StringComparison.Ordinal);
        Assert.Contains("fa_cost_USD_total{", text, StringComparison.Ordinal);
        Assert.Matches("(?m)^fa_journal_append_duration_seconds_count\\{[^}]*fa_outcome=\"ok\"\\} [1-9]", text);
        Assert.Contains("fa_journal_append_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("le=\"0.05\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(runId, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_WithoutOrWithAWrongKey_Is401ProblemJson()
    {
        var host = fixture.Shared;

        foreach (var key in new[] { null, "not-a-key" })
        {
            using var client = host.Client(key);
            var (status, body, response) = await Api.GetAsync(client, HostTelemetry.MetricsPath);
            Api.AssertProblem(response, body, HttpStatusCode.Unauthorized);
            Assert.Equal(HttpStatusCode.Unauthorized, status);
        }
    }

    [Fact]
    public async Task Metrics_PublicSetting_AnswersWithoutAKey()
    {
        await using var host = fixture.CreateHost(new Dictionary<string, string?> { [HostTelemetry.MetricsPublicSetting] = "true" });
        await host.StartAsync();
        using var client = host.Client(apiKey: null);

        using var response = await client.GetAsync(new Uri(HostTelemetry.MetricsPath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_NoExporterConfigured_RegistersNoTracingAndRunsStillComplete()
    {
        var host = fixture.Shared;
        using var client = host.Client();

        var runId = await Api.StartAsync(client);
        var run = await Api.WaitForStatusAsync(client, runId, "completed", "failed", "awaiting_approval");

        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Equal(runId, run.GetProperty("runId").GetString());
        Assert.Null(Environment.GetEnvironmentVariable(HostTelemetry.OtlpEndpointSetting));
    }
}
