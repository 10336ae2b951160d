using FunctionAgents.Domain.Events;

namespace FunctionAgents.Domain.Evaluation.Replay;

/// <summary>The parts of an event that replay compares: everything but time and the hash chain.</summary>
public sealed record EventSnapshot(long Seq, string Type, string Actor, long? CausationSeq, string Payload)
{
    public static EventSnapshot Of(RunEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new EventSnapshot(e.Seq, e.Type, e.Actor, e.CausationSeq, e.Payload);
    }

    public override string ToString() => $"{Seq} {Type} by {Actor}: {Payload}";
}
