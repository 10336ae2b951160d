using System.Text.Json.Serialization;

namespace FunctionAgents.Domain.Runs;

/// <summary>Where a run is, as the API reports it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunStatus>))]
public enum RunStatus
{
    [JsonStringEnumMemberName("not_started")]
    NotStarted,

    [JsonStringEnumMemberName("running")]
    Running,

    [JsonStringEnumMemberName("awaiting_approval")]
    AwaitingApproval,

    [JsonStringEnumMemberName("completed")]
    Completed,

    [JsonStringEnumMemberName("failed")]
    Failed,

    [JsonStringEnumMemberName("cancelled")]
    Cancelled,
}
