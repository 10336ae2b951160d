using System.Text.Json.Serialization;

namespace FunctionAgents.Domain.Evaluation.Replay;

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
