namespace FunctionAgents.Domain.Evaluation.Replay;

/// <summary>The first Seq at which the replayed run differs from the recorded one, with both versions.</summary>
/// <param name="Recorded">The recorded event at <paramref name="Seq"/>, or null when the recording has none there.</param>
/// <param name="Replayed">The replayed event at <paramref name="Seq"/>, or null when the replay produced none there.</param>
/// <param name="Difference">What differs, e.g. <c>type ToolApproved vs ToolRejected</c> or <c>payload at $.reason</c>.</param>
public sealed record ReplayDivergence(long Seq, EventSnapshot? Recorded, EventSnapshot? Replayed, string Difference)
{
    public override string ToString() =>
        $"Seq {Seq}: {Difference}{Environment.NewLine}  recorded: {Recorded?.ToString() ?? "(none)"}{Environment.NewLine}  replayed: {Replayed?.ToString() ?? "(none)"}";
}
