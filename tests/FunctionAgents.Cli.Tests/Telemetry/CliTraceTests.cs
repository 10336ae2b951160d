using System.Diagnostics;
using FunctionAgents.Cli.Tests.Support;
using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Telemetry;
using OpenTelemetry.Trace;
using OpenTelemetry;

namespace FunctionAgents.Cli.Tests.Telemetry;

/// <summary>Long commands join a CI pipeline's trace through TRACEPARENT.</summary>
public sealed class CliTraceTests : IDisposable
{
    private const string PipelineTraceId = "5bf92f3577b34da6a3ce929d0e0e4799";
    private const string PipelineSpanId = "11f067aa0ba902b7";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Verify_TraceParentSet_SpanIsAChildOfThePipeline()
    {
        var journal = await RealRuns.ExportAsync(_temp.Path);
        var runId = EventSerializer.DeserializeEvent(File.ReadLines(journal).First()).RunId;
        var spans = new List<Activity>();
        using (Sdk.CreateTracerProviderBuilder().AddSource(FaTelemetry.Name).AddInMemoryExporter(spans).Build())
        {
            var result = await Fa.RunAsync(
                ["verify", "--run", runId, "--journal-file", journal],
                new Dictionary<string, string> { ["TRACEPARENT"] = $"00-{PipelineTraceId}-{PipelineSpanId}-01" });

            Assert.Equal(0, result.ExitCode);
        }

        var verify = Assert.Single(spans, s => s.DisplayName == "fa.cli.verify" && s.TraceId.ToHexString() == PipelineTraceId);
        Assert.Equal(PipelineSpanId, verify.ParentSpanId.ToHexString());
        Assert.Equal(0, verify.GetTagItem("process.exit.code"));
    }

    [Fact]
    public async Task Verify_NoTraceParentNoExporter_RunsAsBefore()
    {
        var journal = await RealRuns.ExportAsync(_temp.Path);
        var runId = EventSerializer.DeserializeEvent(File.ReadLines(journal).First()).RunId;

        var result = await Fa.RunAsync("verify", "--run", runId, "--journal-file", journal);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 broken", result.Output, StringComparison.Ordinal);
    }
}
