using FunctionAgents.Domain.Policy;
using FunctionAgents.Runtime.Policy;

namespace FunctionAgents.Runtime.Tests.Evaluation;

/// <summary>The YAML policies the golden runs ran under, and the candidate that denies send_email.</summary>
internal static class GoldenPolicies
{
    public const string AllowAll = """
        version: golden-allow
        default: allow
        rules: []
        """;

    public const string DenyEmail = """
        version: golden-deny-email
        default: allow
        rules:
          - name: deny_send_email
            when:
              tool: send_email
            action: deny
            reason: the candidate policy sends no email
        """;

    public static string ApproveEmail(string timeout, string onTimeout) => $"""
        version: golden-approve-email
        default: allow
        rules:
          - name: approve_send_email
            when:
              tool: send_email
            action: require_human_approval
            reason: email needs a human
            approval:
              timeout: {timeout}
              on_timeout: {onTimeout}
        """;

    public static PolicyEngine Load(string yaml) => PolicyLoader.Load(yaml, "golden.yaml");
}
