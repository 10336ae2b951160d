using System.Text.Json;
using FunctionAgents.Azure.Content;

namespace FunctionAgents.Host.Tests.Telemetry;

/// <summary>
/// The Functions host never samples away failures, policy denials or approvals. host.json runs the host in
/// OpenTelemetry mode (docs/telemetry.md), where Application Insights SDK sampling settings do not apply; leaving any
/// there would only suggest a protection that is not in force, so none may be enabled.
/// </summary>
public sealed class HostJsonSamplingTests
{
    [Fact]
    public void HostJson_OpenTelemetryMode_NoApplicationInsightsSamplingEnabled()
    {
        var root = ContentPaths.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("Run the tests from a clone.");
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "host.json")));

        var mode = hostJson.RootElement.GetProperty("telemetryMode").GetString();
        var sampling = hostJson.RootElement.TryGetProperty("logging", out var logging)
            && logging.TryGetProperty("applicationInsights", out var insights)
            && insights.TryGetProperty("samplingSettings", out var settings)
            && (!settings.TryGetProperty("isEnabled", out var enabled) || enabled.GetBoolean());

        Assert.Equal("OpenTelemetry", mode);
        Assert.False(sampling);
    }
}
