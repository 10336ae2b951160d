using FunctionAgents.Domain.Policy;
using FunctionAgents.Runtime.Policy;

using static FunctionAgents.Runtime.Tests.Policy.PolicyTesting;

namespace FunctionAgents.Runtime.Tests.Policy;

public sealed class PolicyLoadErrorTests
{
    private static PolicyLoadError SingleError(string yaml) => Assert.Single(LoadFails(yaml).Errors);

    [Fact]
    public void Load_UnknownTopLevelKey_ReportsLine()
    {
        var error = SingleError("version: 1\nrules: []\nextends: base.yaml\n");

        Assert.Equal(3, error.Line);
        Assert.Equal(1, error.Column);
        Assert.Equal("unknown key 'extends' in the top level (expected version, default, rules)", error.Message);
    }

    /// <summary>One problem per policy: the message (or its start, where the rest lists choices) and, where given, its line.</summary>
    public static TheoryData<string, int?, string, bool> SingleProblems => new()
    {
        // UnknownRuleKey_ReportsLine
        {
            """
                version: 1
                rules:
                  - name: r
                    action: deny
                    priority: 5
                """,
            5, "unknown key 'priority' in a rule", true
        },
        // UnknownWhenKey_ReportsLine
        {
            """
                version: 1
                rules:
                  - name: r
                    when:
                      tools: send_email
                    action: deny
                """,
            5, "unknown key 'tools' in 'when'", true
        },
        // UnknownAction_ReportsLine
        {
            "version: 1\nrules:\n  - name: r\n    action: block\n",
            4, "unknown action 'block' (expected allow, deny or require_human_approval)", false
        },
        // UnknownMetric_ReportsLine
        {
            """
                version: 1
                rules:
                  - name: r
                    when:
                      run_metrics:
                        refunds_issued_gt: 1
                    action: deny
                """,
            6, "unknown run metric 'refunds_issued'", true
        },
        // UnknownMetricOperator_ReportsLine
        {
            """
                version: 1
                rules:
                  - name: r
                    when:
                      run_metrics:
                        tool_calls_equals: 1
                    action: deny
                """,
            6, "unknown operator in run_metrics key 'tool_calls_equals'", true
        },
        // BadRegex_ReportsLine
        {
            """
                version: 1
                rules:
                  - name: r
                    when:
                      input:
                        sql_matches_regex: '(unclosed'
                    action: deny
                """,
            6, "invalid regular expression in 'sql_matches_regex'", true
        },
        // DuplicateRuleName_ReportsBothLines
        {
            """
                version: 1
                rules:
                  - name: same
                    action: allow
                  - name: same
                    action: deny
                """,
            5, "duplicate rule name 'same' (first used on line 3)", false
        },
        // MissingRuleName_ReportsRuleLine
        {
            "version: 1\nrules:\n  - action: allow\n",
            3, "rule has no name", false
        },
        // EmptyRuleName_Refused
        {
            "version: 1\nrules:\n  - name: ''\n    action: allow\n",
            null, "rule name must not be empty", false
        },
        // MissingAction_Refused
        {
            "version: 1\nrules:\n  - name: r\n",
            null, "rule has no action", true
        },
        // BadOnTimeout_Refused
        {
            "version: 1\nrules:\n  - name: r\n    action: require_human_approval\n    approval: { on_timeout: require_human_approval }\n",
            null, "on_timeout must be deny or allow, got 'require_human_approval'", false
        },
        // ApprovalOnDenyRule_Refused
        {
            "version: 1\nrules:\n  - name: r\n    action: deny\n    approval: { timeout: PT1H }\n",
            5, "'approval' applies only to rules with action require_human_approval", false
        },
        // BadDefault_Refused
        {
            "version: 1\ndefault: require_human_approval\nrules: []\n",
            2, "default must be allow or deny, got 'require_human_approval'", false
        },
        // BadToolName_Refused
        {
            "version: 1\nrules:\n  - name: r\n    when:\n      tool: [send_email, 'send email']\n    action: deny\n",
            null, "'send email' is not a tool name (1-64 letters, digits, '_' or '-'; an MCP tool is <server>.<tool>)", false
        },
    };

    [Theory]
    [MemberData(nameof(SingleProblems))]
    public void Load_OneProblem_RefusedWithItsMessageAndLine(string yaml, int? line, string message, bool messageIsPrefix)
    {
        var error = SingleError(yaml);

        if (line is { } expected)
        {
            Assert.Equal(expected, error.Line);
        }

        if (messageIsPrefix)
        {
            Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(message, error.Message);
        }
    }

    [Fact]
    public void Load_UnknownOperator_ReportsLineAndKnownOperators()
    {
        var error = SingleError("""
            version: 1
            rules:
              - name: r
                when:
                  input:
                    to_domain_is: x.example
                action: deny
            """);

        Assert.Equal(6, error.Line);
        Assert.StartsWith("unknown operator in 'to_domain_is'", error.Message, StringComparison.Ordinal);
        Assert.Contains("domain_not_in", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1 hour", "timeout '1 hour' is not an ISO 8601 duration such as PT1H or P1D")]
    [InlineData("PT0S", "timeout 'PT0S' must be longer than zero")]
    [InlineData("-PT1H", "timeout '-PT1H' must be longer than zero")]
    public void Load_BadDuration_ReportsLine(string timeout, string message)
    {
        var error = SingleError($"""
            version: 1
            rules:
              - name: r
                action: require_human_approval
                approval:
                  timeout: {timeout}
            """);

        Assert.Equal(6, error.Line);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("rules: []\n", "missing required key 'version'")]
    [InlineData("version: 1\n", "missing required key 'rules' (write rules: [] for a policy that only has a default)")]
    [InlineData("version: 1\nrules: deny\n", "rules must be a list of rules")]
    [InlineData("- a\n- b\n", "the top level must be a mapping with version, default and rules")]
    [InlineData("", "the policy is empty")]
    [InlineData("version: 1\nrules: []\n---\nversion: 2\n", "a policy file holds one YAML document; found another one")]
    public void Load_BadStructure_Refused(string yaml, string message)
    {
        Assert.Equal(message, SingleError(yaml).Message);
    }

    [Theory]
    [InlineData("top_k_gt: many", "'top_k_gt' needs a number, got 'many'")]
    [InlineData("to_in: x.example", "'to_in' needs a list, e.g. [x.example]")]
    [InlineData("to_in: []", "'to_in' needs at least one value")]
    [InlineData("to_equals: [a, b]", "'to_equals' must be a single value, not a list")]
    [InlineData("to_domain_in: ['ann@x.example']", "'ann@x.example' is not a domain name (write e.g. kestrelgoods.example; subdomains match automatically)")]
    [InlineData("to_domain_in: ['*.x.example']", "'*.x.example' is not a domain name (write e.g. kestrelgoods.example; subdomains match automatically)")]
    [InlineData("cc_exists: false", "'cc_exists' takes true; to test the opposite write cc_missing: true")]
    [InlineData("cc_missing: no", "'cc_missing' takes true; to test the opposite write cc_exists: true")]
    [InlineData("a..b_equals: 1", "field path 'a..b' in 'a..b_equals' has an empty segment")]
    public void Load_BadOperand_Refused(string matcher, string message)
    {
        var error = SingleError($"""
            version: 1
            rules:
              - name: r
                when:
                  input:
                    {matcher}
                action: deny
            """);

        Assert.Equal(6, error.Line);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Load_InvalidYaml_ReportsParserPosition()
    {
        var error = SingleError("version: 1\nrules: [a, b\n");

        Assert.StartsWith("not valid YAML:", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line >= 2);
    }

    [Fact]
    public void Load_DuplicateYamlKey_Refused()
    {
        var error = SingleError("version: 1\nversion: 2\nrules: []\n");

        Assert.Equal(2, error.Line);
        Assert.Contains("Duplicate key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ManyProblems_AllReportedInLineOrder()
    {
        var exception = LoadFails("""
            version: 1
            default: maybe
            rules:
              - name: a
                when:
                  tool: send_email
                  input:
                    to_domain_nowhere: [x]
                    sql_matches_regex: '['
                  run_metrics:
                    refunds_gt: 1
                action: block
              - name: a
                action: require_human_approval
                approval: { timeout: soon }
            """);

        Assert.Equal([2, 8, 9, 11, 12, 13, 15], exception.Errors.Select(e => e.Line));
        var lines = exception.Message.Split(Environment.NewLine);
        Assert.Equal("Policy test.yaml was refused (7 problems):", lines[0]);
        Assert.Equal("test.yaml:2: default must be allow or deny, got 'maybe'", lines[1]);
        Assert.StartsWith("test.yaml:13: duplicate rule name 'a'", lines[6], StringComparison.Ordinal);
        Assert.Equal("test.yaml", exception.SourceName);
    }

    [Fact]
    public void LoadFile_MissingFile_ThrowsIoError()
    {
        Assert.Throws<FileNotFoundException>(() => PolicyFile.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".yaml")));
    }

    [Fact]
    public void LoadFile_ErrorsNameThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "version: 1\nrules:\n  - name: r\n    action: nope\n");
        try
        {
            var exception = Assert.Throws<PolicyLoadException>(() => PolicyFile.Load(path));

            Assert.Contains($"{path}:4: unknown action 'nope'", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
