using static FunctionAgents.Runtime.Tests.Policy.PolicyTesting;

namespace FunctionAgents.Domain.Tests.Policy;

public sealed class PolicyVersionTests
{
    private const string Original = """
        version: 1
        default: deny
        rules:
          - name: allow_search
            when:
              tool: search_docs
            action: allow
          - name: external_email
            when:
              tool: send_email
              input:
                to_domain_not_in: [kestrelgoods.example]
            action: require_human_approval
        """;

    private const string Reformatted = """
        # A comment at the top.
        version:   1     # trailing comment
        default: "deny"

        rules:
          # flow style and quoting do not matter
          - { name: allow_search, when: { tool: 'search_docs' }, action: allow }
          - name: external_email
            when:
                tool: send_email
                input:
                    to_domain_not_in:
                      - kestrelgoods.example
            action:   require_human_approval
        """;

    [Fact]
    public void Version_IsLowercaseHexSha256()
    {
        var version = Load(Original).Version;

        Assert.Matches("^[0-9a-f]{64}$", version);
    }

    [Fact]
    public void Version_WhitespaceCommentsStyleAndQuoting_Unchanged()
    {
        Assert.Equal(Load(Original).Version, Load(Reformatted).Version);
    }

    [Fact]
    public void Version_CrLfLineEndings_Unchanged()
    {
        Assert.Equal(Load(Original).Version, Load(Original.Replace("\n", "\r\n", StringComparison.Ordinal)).Version);
    }

    [Theory]
    [InlineData("[kestrelgoods.example]", "[kestrelgoods.example, partner.example]")]
    [InlineData("action: require_human_approval", "action: deny")]
    [InlineData("default: deny", "default: allow")]
    [InlineData("version: 1", "version: 2")]
    [InlineData("name: allow_search", "name: allow_docs")]
    public void Version_SemanticChange_Changes(string from, string to)
    {
        var changed = Original.Replace(from, to, StringComparison.Ordinal);

        Assert.NotEqual(Original, changed);
        Assert.NotEqual(Load(Original).Version, Load(changed).Version);
    }

    [Fact]
    public void Version_RuleOrderChange_Changes()
    {
        var swapped = """
            version: 1
            default: deny
            rules:
              - name: external_email
                when:
                  tool: send_email
                  input:
                    to_domain_not_in: [kestrelgoods.example]
                action: require_human_approval
              - name: allow_search
                when:
                  tool: search_docs
                action: allow
            """;

        Assert.NotEqual(Load(Original).Version, Load(swapped).Version);
    }
}
