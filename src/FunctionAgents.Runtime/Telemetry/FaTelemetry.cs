using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FunctionAgents.Runtime.Telemetry;

/// <summary>
/// The runtime's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <see cref="Name"/>.
/// System.Diagnostics only: a host decides whether anything listens (OpenTelemetry, Application Insights, a test).
/// </summary>
public static class FaTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "FunctionAgents";

    /// <summary>Where every FunctionAgents span starts.</summary>
    public static ActivitySource Source { get; } = new(Name, typeof(FaTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Where every FunctionAgents instrument lives.</summary>
    public static Meter Meter { get; } = new(Name, typeof(FaTelemetry).Assembly.GetName().Version?.ToString());
}
