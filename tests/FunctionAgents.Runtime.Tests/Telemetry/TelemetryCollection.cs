namespace FunctionAgents.Runtime.Tests.Telemetry;

/// <summary>
/// The FunctionAgents source and meter are process-wide: tests that listen to them run one at a time so that one
/// test's exporter never counts another's run.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "FunctionAgents telemetry";
}
