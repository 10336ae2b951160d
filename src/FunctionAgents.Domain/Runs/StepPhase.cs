using System.Text.Json.Serialization;

namespace FunctionAgents.Domain.Runs;

/// <summary>Where one plan step is in its propose → decide → execute → observe cycle.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StepPhase>))]
public enum StepPhase
{
    [JsonStringEnumMemberName("pending")]
    Pending,

    [JsonStringEnumMemberName("proposed")]
    Proposed,

    [JsonStringEnumMemberName("awaiting_approval")]
    AwaitingApproval,

    [JsonStringEnumMemberName("approved")]
    Approved,

    [JsonStringEnumMemberName("rejected")]
    Rejected,

    [JsonStringEnumMemberName("executed")]
    Executed,

    [JsonStringEnumMemberName("not_run")]
    NotRun,
}
