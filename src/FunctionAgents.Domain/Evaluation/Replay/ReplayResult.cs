using System.Text.Json.Serialization;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Domain.Evaluation.Replay;

/// <summary>A replayed run next to its recording.</summary>
/// <param name="Recorded">The journal's events, as read.</param>
/// <param name="Replayed">The events the replay produced (RunStarted and human decisions are copied from the recording).</param>
/// <param name="RecordedState">The fold of <paramref name="Recorded"/>.</param>
/// <param name="ReplayedState">The fold of <paramref name="Replayed"/>.</param>
/// <param name="Divergence">The first Seq where the two differ, or null when the replay reproduced the recording.</param>
/// <param name="UnrecordedCalls">Tool calls the replay needed but could not substitute; none was executed.</param>
public sealed record ReplayResult(
    string RunId,
    IReadOnlyList<RunEvent> Recorded,
    IReadOnlyList<RunEvent> Replayed,
    RunState RecordedState,
    RunState ReplayedState,
    ReplayStatus Status,
    ReplayDivergence? Divergence,
    IReadOnlyList<UnrecordedToolCall> UnrecordedCalls)
{
    /// <summary>True when every replayed event equals the recorded one (types, actors, causation, payloads).</summary>
    public bool IsDeterministic => Divergence is null;
}

/// <summary>A tool call the replayed run made that matches no recorded call; it was not executed.</summary>
/// <param name="Input">The call's input as canonical JSON (sorted properties, no whitespace).</param>
public sealed record UnrecordedToolCall(string StepId, string Tool, string Input, string DispatchId);

/// <summary>Where the replayed run ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReplayStatus>))]
public enum ReplayStatus
{
    /// <summary>The replayed run reached a final event (completed, failed or cancelled).</summary>
    [JsonStringEnumMemberName("finished")]
    Finished,

    /// <summary>The replayed run waits for a human decision that the recording does not hold.</summary>
    [JsonStringEnumMemberName("awaiting_approval")]
    AwaitingApproval,

    /// <summary>The recording itself ends before the run finished, so there is nothing more to substitute.</summary>
    [JsonStringEnumMemberName("incomplete")]
    Incomplete,
}
