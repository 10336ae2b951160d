using System.Net;
using FunctionAgents.Host.Telemetry;
using FunctionAgents.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace FunctionAgents.Host.Tests.Telemetry;

/// <summary>
/// GET /metrics: Prometheus text with every tenant's run figures, so only for an operator key (FA_METRICS_KEYS or
/// FA_ADMIN_KEYS); a tenant's key gets 403 and no key 401, unless FA_METRICS_PUBLIC=true.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class MetricsEndpointTests(HostFixture fixture)
{
    private const string MetricsKey = "metrics-key-0123456789";
    private const string AdminKey = "admin-key-0123456789ab";

    private static readonly Dictionary<string, string?> OperatorSettings = new()
    {
        [HostTelemetry.MetricsKeysSetting] = $"prometheus:{MetricsKey}",
        ["FA_ADMIN_KEYS"] = $"ops:{AdminKey}",
    };

    [Fact]
    public async Task Metrics_WithAMetricsKeyAfterARun_AnswersPrometheusTextWithTheRunFigures()
    {
        await using var host = fixture.CreateHost(OperatorSettings);
        await host.StartAsync();
        using var client = host.Client();
        var runId = await Api.StartAsync(client);
        await Api.WaitForStatusAsync(client, runId, "completed", "failed", "awaiting_approval");
        using var scraper = host.Client(MetricsKey);

        using var response = await scraper.GetAsync(new Uri(HostTelemetry.MetricsPath, UriKind.Relative));
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
    public async Task Metrics_AdminKeyInAnyHeaderOrABearerMetricsKey_Answers200WithTheSeries()
    {
        await using var host = fixture.CreateHost(OperatorSettings);
        await host.StartAsync();
        using var alpha = host.Client();
        var runId = await Api.StartAsync(alpha);
        await Api.WaitForStatusAsync(alpha, runId, "completed", "failed", "awaiting_approval");

        foreach (var (header, value) in new[] { ("x-functions-key", AdminKey), ("x-admin-key", AdminKey), ("Authorization", "Bearer " + MetricsKey) })
        {
            using var client = host.Client(apiKey: null);
            client.DefaultRequestHeaders.Add(header, value);
            using var response = await client.GetAsync(new Uri(HostTelemetry.MetricsPath, UriKind.Relative));
            var text = await response.Content.ReadAsStringAsync();

            Assert.True(HttpStatusCode.OK == response.StatusCode, $"{header}: {(int)response.StatusCode} {text}");
            Assert.Matches("(?m)^fa_runs_started_total\\{[^}]*fa_tenant=\"alpha\"\\} [1-9]", text);
        }
    }

    [Fact]
    public async Task Metrics_TenantKey_Is403ProblemNamingTheOperatorKeysAndShowsNoSeries()
    {
        await using var host = fixture.CreateHost(OperatorSettings);
        await host.StartAsync();
        using var alpha = host.Client();
        var runId = await Api.StartAsync(alpha);
        await Api.WaitForStatusAsync(alpha, runId, "completed", "failed", "awaiting_approval");

        foreach (var key in new[] { HostFixture.BetaKey, HostFixture.AlphaKey })
        {
            using var client = host.Client(key);
            using var response = await client.GetAsync(new Uri(HostTelemetry.MetricsPath, UriKind.Relative));
            var text = await response.Content.ReadAsStringAsync();
            var body = System.Text.Json.JsonDocument.Parse(text).RootElement;

            Api.AssertProblem(response, body, HttpStatusCode.Forbidden);
            var detail = body.GetProperty("detail").GetString();
            Assert.Contains(HostTelemetry.MetricsKeysSetting, detail, StringComparison.Ordinal);
            Assert.Contains("FA_ADMIN_KEYS", detail, StringComparison.Ordinal);
            Assert.DoesNotContain("fa_tenant", text, StringComparison.Ordinal);
            Assert.DoesNotContain("fa_runs_started_total", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Metrics_TenantKeyWithoutAnyOperatorKeyConfigured_Is403()
    {
        var host = fixture.Shared;
        using var client = host.Client(HostFixture.BetaKey);

        var (status, body, response) = await Api.GetAsync(client, HostTelemetry.MetricsPath);

        Api.AssertProblem(response, body, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task Metrics_WithoutOrWithAWrongKey_Is401ProblemJson()
    {
        var host = fixture.Shared;

        foreach (var key in new[] { null, "not-a-key", "metrics-key-0123456789" })
        {
            using var client = host.Client(key);
            var (status, body, response) = await Api.GetAsync(client, HostTelemetry.MetricsPath);
            Api.AssertProblem(response, body, HttpStatusCode.Unauthorized);
            Assert.Equal(HttpStatusCode.Unauthorized, status);
        }
    }

    [Fact]
    public async Task Metrics_PublicSetting_AnswersWithoutAKeyAndToATenantKey()
    {
        await using var host = fixture.CreateHost(new Dictionary<string, string?> { [HostTelemetry.MetricsPublicSetting] = "true" });
        await host.StartAsync();

        foreach (var key in new[] { null, HostFixture.BetaKey })
        {
            using var client = host.Client(key);
            using var response = await client.GetAsync(new Uri(HostTelemetry.MetricsPath, UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        }
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
