using System.Text.Json;
using FunctionAgents.Runtime.Hosting;

namespace FunctionAgents.Host.Tests.Telemetry;

/// <summary>The Functions host's Application Insights sampling never drops failures, policy denials or approvals.</summary>
public sealed class HostJsonSamplingTests
{
    [Fact]
    public void HostJson_Sampling_ExcludesRequestsExceptionsEventsAndTraces()
    {
        var root = ContentPaths.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("Run the tests from a clone.");
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "host.json")));

        var sampling = hostJson.RootElement.GetProperty("logging").GetProperty("applicationInsights").GetProperty("samplingSettings");
        var excluded = sampling.GetProperty("excludedTypes").GetString()!.Split(';');

        // Failures are requests and exceptions; denials and approvals are logged (traces) and journaled (events).
        Assert.Subset(excluded.ToHashSet(), new HashSet<string> { "Request", "Exception", "Event", "Trace" });
        Assert.False(sampling.TryGetProperty("includedTypes", out _));
    }
}
