using FunctionAgents.Core.Runs;

namespace FunctionAgents.Core.Engine;

/// <summary>
/// A seam for crash tests: called at every <see cref="FaultPoint"/>; throwing simulates a process crash there.
/// Production uses <see cref="NoFaults"/>.
/// </summary>
public interface IFaultInjector
{
    void At(FaultPoint point, RunState state, RunStep runStep);
}
