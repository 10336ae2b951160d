namespace FunctionAgents.Core.Engine;

/// <summary>Places in the engine where a crash is simulated in tests (see <see cref="IFaultInjector"/>).</summary>
public enum FaultPoint
{
    /// <summary>The activity ran (side effects done) but its events are not appended yet.</summary>
    BeforeAppend,

    /// <summary>The events are appended; nothing after that (projection, next step) has happened.</summary>
    AfterAppend,
}
