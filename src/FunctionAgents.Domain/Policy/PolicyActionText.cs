using System.Text.Json.Serialization;

namespace FunctionAgents.Domain.Policy;

/// <summary>The policy file spelling of <see cref="PolicyAction"/> values.</summary>
public static class PolicyActionText
{
    public const string Allow = "allow";
    public const string Deny = "deny";
    public const string RequireHumanApproval = "require_human_approval";

    public static string ToText(PolicyAction action) => action switch
    {
        PolicyAction.Allow => Allow,
        PolicyAction.RequireHumanApproval => RequireHumanApproval,
        PolicyAction.Deny => Deny,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown policy action."),
    };

    public static bool TryParse(string text, out PolicyAction action)
    {
        (var known, action) = text switch
        {
            Allow => (true, PolicyAction.Allow),
            RequireHumanApproval => (true, PolicyAction.RequireHumanApproval),
            Deny => (true, PolicyAction.Deny),
            _ => (false, PolicyAction.Deny),
        };
        return known;
    }
}

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
