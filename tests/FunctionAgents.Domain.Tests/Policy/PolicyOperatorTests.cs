using FunctionAgents.Domain.Policy;

using static FunctionAgents.Runtime.Tests.Policy.PolicyTesting;

namespace FunctionAgents.Domain.Tests.Policy;

public sealed class PolicyOperatorTests
{
    [Theory]
    [InlineData("priority_equals", "high", """{"priority":"high"}""", true)]
    [InlineData("priority_equals", "high", """{"priority":"High"}""", false)]
    [InlineData("top_k_equals", "5", """{"top_k":5.0}""", true)]
    [InlineData("top_k_equals", "5", """{"top_k":6}""", false)]
    [InlineData("urgent_equals", "true", """{"urgent":true}""", true)]
    [InlineData("urgent_equals", "true", """{"urgent":false}""", false)]
    [InlineData("urgent_equals", "'true'", """{"urgent":"true"}""", true)]
    [InlineData("priority_equals", "high", """{"priority":["high"]}""", false)]
    [InlineData("priority_equals", "high", """{}""", false)]
    public void Evaluate_Equals_ComparesByJsonType(string key, string operand, string input, bool expected)
    {
        Assert.Equal(expected, SingleMatcher(key, operand).Matches(input));
    }

    [Theory]
    [InlineData("""{"priority":"low"}""", true)]
    [InlineData("""{"priority":"high"}""", false)]
    [InlineData("""{}""", true)]
    [InlineData("""{"priority":null}""", true)]
    public void Evaluate_NotEquals_TrueWhenDifferentOrMissing(string input, bool expected)
    {
        Assert.Equal(expected, SingleMatcher("priority_not_equals", "high").Matches(input));
    }

    [Theory]
    [InlineData("""{"priority":"high"}""", true)]
    [InlineData("""{"priority":"low"}""", false)]
    [InlineData("""{"priority":3}""", true)]
    [InlineData("""{}""", false)]
    public void Evaluate_In_TrueWhenValueListed(string input, bool expected)
    {
        Assert.Equal(expected, SingleMatcher("priority_in", "[high, urgent, 3]").Matches(input));
    }

    [Theory]
    [InlineData("""{"priority":"low"}""", true)]
    [InlineData("""{"priority":"urgent"}""", false)]
    [InlineData("""{}""", true)]
    public void Evaluate_NotIn_TrueWhenValueUnlistedOrMissing(string input, bool expected)
    {
        Assert.Equal(expected, SingleMatcher("priority_not_in", "[high, urgent]").Matches(input));
    }

    [Theory]
    [InlineData("""{"body":"please REFUND me"}""", true)]
    [InlineData("""{"body":"please refund me"}""", false)]
    [InlineData("""{"body":["a","REFUND"]}""", true)]
    [InlineData("""{"body":["a","REFUND now"]}""", false)]
    [InlineData("""{"body":7}""", false)]
    [InlineData("""{}""", false)]
    public void Evaluate_Contains_SubstringOrListElement(string input, bool expected)
    {
        Assert.Equal(expected, SingleMatcher("body_contains", "REFUND").Matches(input));
    }

    [Theory]
    [InlineData("""{"sql":"drop table x"}""", true)]
    [InlineData("""{"sql":"SELECT updated_at FROM t"}""", false)]
    [InlineData("""{"sql":["select 1","DELETE FROM t"]}""", true)]
    [InlineData("""{"sql":["select 1","select 2"]}""", false)]
    [InlineData("""{}""", false)]
    public void Evaluate_MatchesRegex_AnyElementOfList(string input, bool expected)
    {
        Assert.Equal(expected, SingleMatcher("sql_matches_regex", @"'(?i)\b(drop|delete|update)\b'").Matches(input));
    }

    [Fact]
    public void Evaluate_MatchesRegexOnNumber_UsesItsText()
    {
        Assert.True(SingleMatcher("top_k_matches_regex", "'^1[0-9]$'").Matches("""{"top_k":15}"""));
    }

    [Theory]
    [InlineData("ann@kestrelgoods.example", true)]
    [InlineData("ann@Support.KestrelGoods.Example", true)]
    [InlineData("Ann Smith <ann@kestrelgoods.example>", true)]
    [InlineData("https://kestrelgoods.example/orders/1", true)]
    [InlineData("http://shop.kestrelgoods.example", true)]
    [InlineData("ann@evil.example", false)]
    [InlineData("ann@notkestrelgoods.example", false)]
    [InlineData("ann@kestrelgoods.example.evil.example", false)]
    [InlineData("https://evil.example/?kestrelgoods.example", false)]
    [InlineData("ftp://kestrelgoods.example/x", false)]
    [InlineData("kestrelgoods.example", false)]
    [InlineData("ann@kestrelgoods.example, bob@evil.example", false)]
    [InlineData("evil@evil.example@kestrelgoods.example", false)]
    public void Evaluate_DomainIn_SingleAddressOrUrl(string to, bool expected)
    {
        var engine = SingleMatcher("to_domain_in", "[kestrelgoods.example]");

        Assert.Equal(expected, engine.Matches($$"""{"to":"{{to}}"}"""));
    }

    [Theory]
    [InlineData("""{"to":["a@kestrelgoods.example","b@ops.kestrelgoods.example"]}""", true)]
    [InlineData("""{"to":["a@kestrelgoods.example","b@evil.example"]}""", false)]
    [InlineData("""{"to":[]}""", false)]
    [InlineData("""{"to":["a@kestrelgoods.example",3]}""", false)]
    [InlineData("""{"to":7}""", false)]
    [InlineData("""{}""", false)]
    public void Evaluate_DomainIn_EveryElementMustBeInside(string input, bool expected)
    {
        Assert.Equal(expected, SingleMatcher("to_domain_in", "[kestrelgoods.example]").Matches(input));
    }

    [Theory]
    [InlineData("""{"to":"a@kestrelgoods.example"}""", false)]
    [InlineData("""{"to":"a@evil.example"}""", true)]
    [InlineData("""{"to":["a@kestrelgoods.example","b@evil.example"]}""", true)]
    [InlineData("""{"to":["a@kestrelgoods.example","b@partner.example"]}""", false)]
    [InlineData("""{"to":"not an address"}""", true)]
    [InlineData("""{}""", true)]
    public void Evaluate_DomainNotIn_AnyElementOutsideOrMissing(string input, bool expected)
    {
        Assert.Equal(expected, SingleMatcher("to_domain_not_in", "[kestrelgoods.example, partner.example]").Matches(input));
    }

    [Theory]
    [InlineData("top_k_gt", "10", 11, true)]
    [InlineData("top_k_gt", "10", 10, false)]
    [InlineData("top_k_gte", "10", 10, true)]
    [InlineData("top_k_gte", "10", 9, false)]
    [InlineData("top_k_lt", "10", 9, true)]
    [InlineData("top_k_lt", "10", 10, false)]
    [InlineData("top_k_lte", "10", 10, true)]
    [InlineData("top_k_lte", "10", 11, false)]
    [InlineData("top_k_gt", "0.5", 1, true)]
    public void Evaluate_NumericComparisons_AgainstNumbers(string key, string operand, int value, bool expected)
    {
        Assert.Equal(expected, SingleMatcher(key, operand).Matches($$"""{"top_k":{{value}}}"""));
    }

    [Theory]
    [InlineData("top_k_gt")]
    [InlineData("top_k_lte")]
    public void Evaluate_NumericComparisons_FalseForStringsAndMissing(string key)
    {
        var engine = SingleMatcher(key, "10");

        Assert.False(engine.Matches("""{"top_k":"5"}"""));
        Assert.False(engine.Matches("""{}"""));
    }

    [Theory]
    [InlineData("""{"cc":"x"}""", true)]
    [InlineData("""{"cc":""}""", true)]
    [InlineData("""{"cc":null}""", false)]
    [InlineData("""{}""", false)]
    public void Evaluate_Exists_TrueWhenPresentAndNotNull(string input, bool expected)
    {
        Assert.Equal(expected, SingleMatcher("cc_exists", "true").Matches(input));
    }

    [Theory]
    [InlineData("""{"cc":"x"}""", false)]
    [InlineData("""{"cc":null}""", true)]
    [InlineData("""{}""", true)]
    public void Evaluate_Missing_TrueWhenAbsentOrNull(string input, bool expected)
    {
        Assert.Equal(expected, SingleMatcher("cc_missing", "true").Matches(input));
    }

    [Theory]
    [InlineData("""{"customer":{"address":{"country":"NL"}}}""", true)]
    [InlineData("""{"customer":{"address":{"country":"BE"}}}""", false)]
    [InlineData("""{"customer":{"address":"NL"}}""", false)]
    [InlineData("""{"customer":null}""", false)]
    public void Evaluate_DottedPath_ReachesNestedFields(string input, bool expected)
    {
        Assert.Equal(expected, SingleMatcher("customer.address.country_equals", "NL").Matches(input));
    }

    [Fact]
    public void Evaluate_DottedPathWithIndex_ReachesListElement()
    {
        var engine = SingleMatcher("recipients.1_domain_not_in", "[kestrelgoods.example]");

        Assert.True(engine.Matches("""{"recipients":["a@kestrelgoods.example","b@evil.example"]}"""));
        Assert.False(engine.Matches("""{"recipients":["a@evil.example","b@kestrelgoods.example"]}"""));
    }

    [Fact]
    public void Evaluate_FieldNameWithUnderscores_LongestOperatorSuffixWins()
    {
        var engine = Load("""
            version: 1
            default: allow
            rules:
              - name: r
                when:
                  input:
                    reply_to_domain_not_in: [kestrelgoods.example]
                    top_k_gt: 3
                    not_in_stock_equals: yes
                action: deny
            """);

        var conditions = engine.Rules[0].Conditions;
        Assert.Equal(["reply_to", "top_k", "not_in_stock"], conditions.Select(c => c.Field));
        Assert.Equal(["domain_not_in", "gt", "equals"], conditions.Select(c => c.Operator));
        Assert.True(engine.Matches("""{"reply_to":"x@evil.example","top_k":4,"not_in_stock":"yes"}"""));
    }

    [Fact]
    public void Evaluate_InputNotAnObject_EveryFieldMissing()
    {
        var engine = SingleMatcher("to_domain_not_in", "[kestrelgoods.example]");

        Assert.True(engine.Matches("\"a@kestrelgoods.example\""));
    }

    [Fact]
    public void Evaluate_SeveralMatchers_AllMustHold()
    {
        var engine = Load("""
            version: 1
            default: allow
            rules:
              - name: r
                when:
                  tool: create_ticket
                  input:
                    priority_equals: urgent
                    title_contains: refund
                  run_metrics:
                    tickets_created_gte: 1
                action: deny
            """);
        var input = Json("""{"priority":"urgent","title":"refund please"}""");

        Assert.Equal(PolicyAction.Deny, engine.Evaluate("create_ticket", input, RunMetrics.Empty with { TicketsCreated = 1 }).Action);
        Assert.Equal(PolicyAction.Allow, engine.Evaluate("create_ticket", input, RunMetrics.Empty).Action);
        Assert.Equal(PolicyAction.Allow, engine.Evaluate("create_ticket", Json("""{"priority":"low","title":"refund"}"""), RunMetrics.Empty with { TicketsCreated = 1 }).Action);
    }
}
