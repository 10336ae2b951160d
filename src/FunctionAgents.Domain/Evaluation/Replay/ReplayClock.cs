namespace FunctionAgents.Domain.Evaluation.Replay;

/// <summary>The engine clock during a replay: it reads the recorded time of the position being replayed.</summary>
public sealed class ReplayClock : TimeProvider
{
    public ReplayClock(DateTimeOffset start) => Now = start;

    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
