using FunctionAgents.Domain.Policy;

using static FunctionAgents.Runtime.Tests.Policy.PolicyTesting;

namespace FunctionAgents.Domain.Tests.Policy;

public sealed class PolicyDecisionTests
{
    private const string Layered = """
        version: 3
        default: deny
        rules:
          - name: allow_email
            when: { tool: send_email }
            action: allow
            reason: email is allowed
          - name: external_needs_approval
            when:
              tool: send_email
              input: { to_domain_not_in: [kestrelgoods.example] }
            action: require_human_approval
            reason: external recipient
            approval: { timeout: PT2H, on_timeout: allow }
          - name: legal_needs_approval
            when:
              tool: [send_email, create_ticket]
              input: { body_contains: lawyer }
            action: require_human_approval
            approval: { timeout: PT30M }
          - name: no_secrets
            when:
              input: { body_matches_regex: '(?i)password' }
            action: deny
            reason: never send credentials
        """;

    [Fact]
    public void Evaluate_NoRuleMatches_UsesDefaultAndSaysSo()
    {
        var engine = Load(Layered);

        var decision = engine.Evaluate("query_sql", Json("""{"sql":"select 1"}"""), RunMetrics.Empty);

        Assert.Equal(PolicyAction.Deny, decision.Action);
        Assert.Empty(decision.Matches);
        Assert.Equal("no rule matched; policy default is deny", decision.Reason);
        Assert.Equal(engine.Version, decision.PolicyVersion);
        Assert.Null(decision.Approval);
    }

    [Fact]
    public void Evaluate_DefaultAllow_AllowsUnmatched()
    {
        var engine = Load("version: 1\ndefault: allow\nrules: []\n");

        var decision = engine.Evaluate("anything", Json("{}"), RunMetrics.Empty);

        Assert.Equal(PolicyAction.Allow, decision.Action);
        Assert.Equal("no rule matched; policy default is allow", decision.Reason);
    }

    [Fact]
    public void Evaluate_DefaultAbsent_IsDeny()
    {
        var engine = Load("version: 1\nrules: []\n");

        Assert.Equal(PolicyAction.Deny, engine.DefaultAction);
        Assert.Equal(PolicyAction.Deny, engine.Evaluate("x", Json("{}"), RunMetrics.Empty).Action);
    }

    [Fact]
    public void Evaluate_OnlyAllowMatches_Allows()
    {
        var decision = Load(Layered).Evaluate("send_email", Json("""{"to":"a@kestrelgoods.example","body":"hi"}"""), RunMetrics.Empty);

        Assert.Equal(PolicyAction.Allow, decision.Action);
        Assert.Equal([new PolicyRuleMatch("allow_email", PolicyAction.Allow, "email is allowed")], decision.Matches);
        Assert.Equal("allow_email: email is allowed", decision.Reason);
    }

    [Fact]
    public void Evaluate_ApprovalBeatsAllow_ListsEveryMatchInOrder()
    {
        var decision = Load(Layered).Evaluate("send_email", Json("""{"to":"a@evil.example","body":"hi"}"""), RunMetrics.Empty);

        Assert.Equal(PolicyAction.RequireHumanApproval, decision.Action);
        Assert.Equal(["allow_email", "external_needs_approval"], decision.Matches.Select(m => m.Name));
        Assert.Equal("external_needs_approval: external recipient", decision.Reason);
        Assert.Equal(new ApprovalSettings(TimeSpan.FromHours(2), PolicyAction.Allow), decision.Approval);
    }

    [Fact]
    public void Evaluate_SeveralApprovalRules_StrictestSettingsAndBothReasons()
    {
        var decision = Load(Layered).Evaluate("send_email", Json("""{"to":"a@evil.example","body":"my lawyer says"}"""), RunMetrics.Empty);

        Assert.Equal(PolicyAction.RequireHumanApproval, decision.Action);
        Assert.Equal(new ApprovalSettings(TimeSpan.FromMinutes(30), PolicyAction.Deny), decision.Approval);
        Assert.Equal(
            "external_needs_approval: external recipient; legal_needs_approval: require_human_approval when tool in [send_email, create_ticket] and input.body_contains: lawyer",
            decision.Reason);
    }

    [Fact]
    public void Evaluate_DenyBeatsEverything_ReasonNamesOnlyDecidingRules()
    {
        var decision = Load(Layered).Evaluate("send_email", Json("""{"to":"a@evil.example","body":"password: hunter2"}"""), RunMetrics.Empty);

        Assert.Equal(PolicyAction.Deny, decision.Action);
        Assert.Equal(["allow_email", "external_needs_approval", "no_secrets"], decision.Matches.Select(m => m.Name));
        Assert.Equal("no_secrets: never send credentials", decision.Reason);
        Assert.Null(decision.Approval);
    }

    [Fact]
    public void Evaluate_RuleWithoutTool_AppliesToEveryTool()
    {
        var decision = Load(Layered).Evaluate("create_ticket", Json("""{"body":"reset my password"}"""), RunMetrics.Empty);

        Assert.Equal(PolicyAction.Deny, decision.Action);
        Assert.Equal("no_secrets", Assert.Single(decision.Matches).Name);
    }

    [Fact]
    public void Evaluate_ToolList_MatchesEachListedTool()
    {
        var engine = Load(Layered);
        var input = Json("""{"body":"lawyer"}""");

        Assert.Equal("legal_needs_approval", Assert.Single(engine.Evaluate("create_ticket", input, RunMetrics.Empty).Matches).Name);
        Assert.Empty(engine.Evaluate("search_docs", input, RunMetrics.Empty).Matches);
    }

    [Fact]
    public void Evaluate_ApprovalWithoutBlock_DefaultsTo24HoursThenDeny()
    {
        var engine = Load("""
            version: 1
            rules:
              - name: ask
                when: { tool: send_email }
                action: require_human_approval
            """);

        var decision = engine.Evaluate("send_email", Json("{}"), RunMetrics.Empty);

        Assert.Equal(new ApprovalSettings(TimeSpan.FromHours(24), PolicyAction.Deny), decision.Approval);
        Assert.Equal(decision.Approval, engine.Rules[0].Approval);
    }

    [Theory]
    [InlineData("tool_calls_gt: 2", 3, 0, 0, 0, 0, true)]
    [InlineData("tool_calls_gt: 2", 2, 0, 0, 0, 0, false)]
    [InlineData("tickets_created_gte: 3", 0, 3, 0, 0, 0, true)]
    [InlineData("tickets_created_gte: 3", 0, 2, 0, 0, 0, false)]
    [InlineData("emails_sent_lt: 1", 0, 0, 0, 0, 0, true)]
    [InlineData("emails_sent_lt: 1", 0, 0, 1, 0, 0, false)]
    [InlineData("cost_usd_gte: 0.5", 0, 0, 0, 0.5, 0, true)]
    [InlineData("cost_usd_gte: 0.5", 0, 0, 0, 0.49, 0, false)]
    [InlineData("steps_executed_lte: 4", 0, 0, 0, 0, 4, true)]
    [InlineData("steps_executed_lte: 4", 0, 0, 0, 0, 5, false)]
    public void Evaluate_RunMetrics_CompareCountersBeforeTheCall(
        string matcher, int toolCalls, int tickets, int emails, double cost, int steps, bool expected)
    {
        var engine = Load($"""
            version: 1
            default: allow
            rules:
              - name: cap
                when:
                  run_metrics:
                    {matcher}
                action: deny
            """);
        var metrics = new RunMetrics(toolCalls, tickets, emails, (decimal)cost, steps);

        var decision = engine.Evaluate("any_tool", Json("{}"), metrics);

        Assert.Equal(expected ? PolicyAction.Deny : PolicyAction.Allow, decision.Action);
    }

    [Fact]
    public void Rules_ExposeWhatTheFileSays()
    {
        var engine = Load(Layered);

        var rule = engine.Rules[1];
        Assert.Equal("external_needs_approval", rule.Name);
        Assert.Equal(["send_email"], rule.Tools);
        Assert.Equal(PolicyAction.RequireHumanApproval, rule.Action);
        Assert.Equal(8, rule.Line);
        var condition = Assert.Single(rule.Conditions);
        Assert.Equal(new PolicyCondition("input", "to_domain_not_in", "to", "domain_not_in", "[kestrelgoods.example]", 11), condition);
        Assert.Equal("input.to_domain_not_in: [kestrelgoods.example]", condition.ToString());
        Assert.Empty(engine.Rules[3].Tools);
        Assert.Equal("3", engine.DeclaredVersion);
        Assert.Equal("test.yaml", engine.SourceName);
    }

    [Fact]
    public void Evaluate_ConcurrentCalls_SameDecisions()
    {
        var engine = Load(Layered);
        var input = Json("""{"to":"a@evil.example","body":"hi"}""");

        var actions = Enumerable.Range(0, 200).AsParallel().Select(_ => engine.Evaluate("send_email", input, RunMetrics.Empty).Action).Distinct().ToList();

        Assert.Equal([PolicyAction.RequireHumanApproval], actions);
    }
}
