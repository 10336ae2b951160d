namespace FunctionAgents.Core.Evaluation.Replay;

/// <summary>The engine clock during a replay: it reads the recorded time of the position being replayed.</summary>
internal sealed class ReplayClock : TimeProvider
{
    public ReplayClock(DateTimeOffset start) => Now = start;

    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
