using FunctionAgents.Core.Engine;
using FunctionAgents.Core.Runs;

namespace FunctionAgents.Core.Tests.Runs.Fakes;

/// <summary>Throws once at the n-th time the engine reaches <paramref name="point"/>: a simulated crash.</summary>
internal sealed class CrashAt(FaultPoint point, int nth) : IFaultInjector
{
    private int _seen;

    public bool Crashed { get; private set; }

    public void At(FaultPoint at, RunState state, RunStep runStep)
    {
        if (at == point && !Crashed && ++_seen == nth)
        {
            Crashed = true;
            throw new SimulatedCrashException($"crash at {point} #{nth} before {runStep.Kind}");
        }
    }
}
