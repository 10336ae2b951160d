using System.Text.Json.Serialization;

namespace FunctionAgents.Domain.Evaluation.Replay;

/// <summary>Where a replay takes model outputs from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReplayMode>))]
public enum ReplayMode
{
    /// <summary>The journal's recorded plans, answers and tool observations; deterministic, no network. The default.</summary>
    [JsonStringEnumMemberName("recorded")]
    Recorded,

    /// <summary>A candidate planner and response builder are called; tool calls reuse matching recorded observations.</summary>
    [JsonStringEnumMemberName("live")]
    Live,
}
