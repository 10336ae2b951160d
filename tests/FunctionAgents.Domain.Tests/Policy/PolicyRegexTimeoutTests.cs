using FunctionAgents.Domain.Policy;

using static FunctionAgents.Runtime.Tests.Policy.PolicyTesting;

namespace FunctionAgents.Domain.Tests.Policy;

public sealed class PolicyRegexTimeoutTests
{
    private const string Catastrophic = """
        version: 1
        default: allow
        rules:
          - name: flag_repeats
            when:
              tool: search_docs
              input:
                query_matches_regex: '^(a+)+$'
            action: require_human_approval
            reason: odd query
        """;

    private static readonly PolicyLoadOptions Tiny = new(TimeSpan.FromMilliseconds(1));

    [Fact]
    public void Evaluate_RegexTimesOut_DeniesAndSaysSo()
    {
        var engine = Load(Catastrophic, Tiny);
        var input = Json($$"""{"query":"{{new string('a', 64)}}!"}""");

        var decision = engine.Evaluate("search_docs", input, RunMetrics.Empty);

        Assert.Equal(PolicyAction.Deny, decision.Action);
        var match = Assert.Single(decision.Matches);
        Assert.Equal("flag_repeats", match.Name);
        Assert.Equal(PolicyAction.Deny, match.Action);
        Assert.Contains("timed out", match.Reason, StringComparison.Ordinal);
        Assert.Contains("fail closed", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("input.query_matches_regex", decision.Reason, StringComparison.Ordinal);
        Assert.Null(decision.Approval);
    }

    [Fact]
    public void Evaluate_RegexTimesOutButOtherMatcherFalse_RuleDoesNotMatch()
    {
        var engine = Load("""
            version: 1
            default: allow
            rules:
              - name: r
                when:
                  input:
                    query_matches_regex: '^(a+)+$'
                    top_k_gt: 100
                action: allow
            """, Tiny);

        var decision = engine.Evaluate("search_docs", Json($$"""{"query":"{{new string('a', 64)}}!","top_k":1}"""), RunMetrics.Empty);

        Assert.Empty(decision.Matches);
        Assert.Equal(PolicyAction.Allow, decision.Action);
    }

    [Fact]
    public void Evaluate_FastInput_MatchesNormally()
    {
        // A generous bound: with the 1 ms one a loaded machine can deschedule the match past it (seen in CI), and the
        // point here is only that a bounded regex still matches a harmless input.
        var engine = Load(Catastrophic, new PolicyLoadOptions(TimeSpan.FromSeconds(10)));

        var decision = engine.Evaluate("search_docs", Json("""{"query":"aaa"}"""), RunMetrics.Empty);

        Assert.Equal(PolicyAction.RequireHumanApproval, decision.Action);
    }

    [Fact]
    public void Load_DefaultOptions_UseAHundredMilliseconds()
    {
        var engine = Load(Catastrophic);

        Assert.Equal(TimeSpan.FromMilliseconds(100), engine.RegexMatchTimeout);
    }

    [Fact]
    public void Load_NonPositiveTimeout_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Load(Catastrophic, new PolicyLoadOptions(TimeSpan.Zero)));
    }
}
