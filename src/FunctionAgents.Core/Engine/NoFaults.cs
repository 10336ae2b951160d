using FunctionAgents.Core.Runs;

namespace FunctionAgents.Core.Engine;

/// <summary>The production fault injector: does nothing.</summary>
public sealed class NoFaults : IFaultInjector
{
    public static NoFaults Instance { get; } = new();

    public void At(FaultPoint point, RunState state, RunStep runStep)
    {
    }
}
