using System.Diagnostics;
using FunctionAgents.Domain.Costs;
using FunctionAgents.Domain.Engine;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Engine;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Runs;
using FunctionAgents.Runtime.Telemetry;
using FunctionAgents.Runtime.Tests.Runs.Fakes;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FunctionAgents.Runtime.Tests.Telemetry;

/// <summary>
/// The surviving engine path (RunCommands to start, StepRunner + OrchestrationLoop to drive) over an instrumented
/// in-memory journal with the telemetry projection, and OpenTelemetry's in-memory exporters listening.
/// </summary>
internal sealed class TelemetryRig : IDisposable
{
    private readonly TracerProvider _tracer;
    private readonly MeterProvider _meter;

    public TelemetryRig(IPolicyEvaluator? policy = null)
    {
        _tracer = Sdk.CreateTracerProviderBuilder().AddSource(FaTelemetry.Name).AddInMemoryExporter(Spans).Build();
        _meter = Sdk.CreateMeterProviderBuilder().AddMeter(FaTelemetry.Name).AddInMemoryExporter(Metrics).Build();
        Journal = new InstrumentedEventJournal(new InMemoryEventJournal());
        var projection = new TelemetryProjection(Journal);
        var catalog = new FakeCatalog(new FakeTool("lookup", 0.02m), new FakeTool("notify", 0.03m));
        var plan = ScriptedPlanner.Plan(("s1", "lookup", "order 1042"), ("s2", "notify", "{{steps.s1.output.email}}"));
        var activities = new RunActivities(
            new ModelPlanner(plan), new EchoResponseBuilder(), catalog, new FakeToolRunner(catalog), policy ?? new StaticPolicy(), Clock,
            PriceTable.Uniform(new ModelPrice(10m, 30m)));
        Commands = new RunCommands(new RunAppender(Journal, Index, Clock, [projection]), Index, new FakeOrchestrations(), new RunOptions());
        Runner = new StepRunner(new RunAppender(Journal, Index, Clock, [projection]), activities);
    }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

    public InstrumentedEventJournal Journal { get; }

    public InMemoryRunIndex Index { get; } = new();

    public RunCommands Commands { get; }

    public StepRunner Runner { get; }

    public List<Activity> Spans { get; } = [];

    public List<Metric> Metrics { get; } = [];

    public async Task<string> StartAsync(string tenant, string source, string? traceParent)
    {
        var result = await Commands.StartAsync(new StartRunRequest(tenant, "help the customer", null, null, null, null, null, source, traceParent));
        return result.RunId;
    }

    /// <summary>Drives the run the way the Durable orchestrator does; approvals are granted by <paramref name="approver"/>.</summary>
    public Task<RunStatus> DriveAsync(string runId, string tenant, string? approver = null) =>
        OrchestrationLoop.RunAsync(
            runId,
            request => Runner.PerformAsync(request),
            (id, after) => Runner.ReadAsync(id, after),
            async (eventName, _) =>
            {
                Clock.Advance(TimeSpan.FromMinutes(5));
                await Commands.DecideApprovalAsync(tenant, runId, eventName.Split(':')[1], approve: true, approver ?? "alice", null);
            },
            Clock.GetUtcNow);

    public async Task<List<RunEvent>> EventsAsync(string runId)
    {
        var list = new List<RunEvent>();
        await foreach (var e in Journal.ReadAsync(runId))
        {
            list.Add(e);
        }

        return list;
    }

    public void Flush()
    {
        _tracer.ForceFlush();
        _meter.ForceFlush();
    }

    public void Dispose()
    {
        _tracer.Dispose();
        _meter.Dispose();
    }
}
