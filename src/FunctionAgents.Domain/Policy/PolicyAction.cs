using System.Text.Json.Serialization;

namespace FunctionAgents.Domain.Policy;

/// <summary>What policy says about a tool call. Order matters: a larger value is more restrictive.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PolicyAction>))]
public enum PolicyAction
{
    [JsonStringEnumMemberName("allow")]
    Allow = 0,

    [JsonStringEnumMemberName("require_human_approval")]
    RequireHumanApproval = 1,

    [JsonStringEnumMemberName("deny")]
    Deny = 2,
}
