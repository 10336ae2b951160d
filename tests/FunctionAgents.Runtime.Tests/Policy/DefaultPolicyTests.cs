using FunctionAgents.Domain.Policy;
using FunctionAgents.Runtime.Policy;

using static FunctionAgents.Runtime.Tests.Policy.PolicyTesting;

namespace FunctionAgents.Runtime.Tests.Policy;

public sealed class DefaultPolicyTests
{
    private static readonly Lazy<PolicyEngine> Engine = new(() => PolicyFile.Load(FindDefaultPolicy()));

    private static PolicyDecision Decide(string tool, string input, RunMetrics? metrics = null) =>
        Engine.Value.Evaluate(tool, Json(input), metrics ?? RunMetrics.Empty);

    [Fact]
    public void LoadFile_DefaultPolicy_LoadsWithDenyDefault()
    {
        var engine = Engine.Value;

        Assert.Equal(PolicyAction.Deny, engine.DefaultAction);
        Assert.Contains(engine.Rules, r => r.Name == "deny_external_email_without_approval");
        Assert.Contains(engine.Rules, r => r.Name == "deny_destructive_sql");
        Assert.Contains(engine.Rules, r => r.Name == "cap_ticket_creation_rate");
        Assert.Matches("^[0-9a-f]{64}$", engine.Version);
    }

    [Fact]
    public void Evaluate_ExternalEmail_NeedsApprovalWithinAnHour()
    {
        var decision = Decide("send_email", """{"to":"customer@gmail.example","subject":"Your refund","body":"Done."}""");

        Assert.Equal(PolicyAction.RequireHumanApproval, decision.Action);
        Assert.Equal(new ApprovalSettings(TimeSpan.FromHours(1), PolicyAction.Deny), decision.Approval);
        Assert.Contains("deny_external_email_without_approval", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_InternalEmail_Allowed()
    {
        var decision = Decide("send_email", """{"to":"support@ops.kestrelgoods.example","subject":"FYI","body":"Done."}""");

        Assert.Equal(PolicyAction.Allow, decision.Action);
        Assert.Equal("allow_internal_email", Assert.Single(decision.Matches).Name);
    }

    [Theory]
    [InlineData("DELETE FROM orders")]
    [InlineData("drop table customers")]
    [InlineData("UPDATE orders SET status = 'refunded'")]
    [InlineData("select 1; ATTACH DATABASE 'x' AS y")]
    [InlineData("Insert into t values (1)")]
    public void Evaluate_DestructiveSql_Denied(string sql)
    {
        var decision = Decide("query_sql", $$"""{"sql":"{{sql}}"}""");

        Assert.Equal(PolicyAction.Deny, decision.Action);
        Assert.StartsWith("deny_destructive_sql: ", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT id, updated_at, created_by FROM orders WHERE deleted_flag = 0")]
    [InlineData("select email from customers where id = 42")]
    public void Evaluate_ReadOnlySql_Allowed(string sql)
    {
        Assert.Equal(PolicyAction.Allow, Decide("query_sql", $$"""{"sql":"{{sql}}"}""").Action);
    }

    [Theory]
    [InlineData(0, PolicyAction.Allow)]
    [InlineData(2, PolicyAction.Allow)]
    [InlineData(3, PolicyAction.Deny)]
    [InlineData(7, PolicyAction.Deny)]
    public void Evaluate_FourthTicket_Denied(int ticketsAlreadyCreated, PolicyAction expected)
    {
        var decision = Decide(
            "create_ticket",
            """{"title":"Broken kettle","body":"Order 1001","priority":"high"}""",
            RunMetrics.Empty with { TicketsCreated = ticketsAlreadyCreated });

        Assert.Equal(expected, decision.Action);
    }

    [Fact]
    public void Evaluate_SearchDocs_Allowed()
    {
        Assert.Equal(PolicyAction.Allow, Decide("search_docs", """{"query":"returns","top_k":3}""").Action);
    }

    [Fact]
    public void Evaluate_UnknownTool_DeniedByDefault()
    {
        var decision = Decide("wire_transfer", """{"amount":1000}""");

        Assert.Equal(PolicyAction.Deny, decision.Action);
        Assert.Equal("no rule matched; policy default is deny", decision.Reason);
    }

    [Fact]
    public void Evaluate_FourthEmail_Denied()
    {
        var decision = Decide("send_email", """{"to":"a@kestrelgoods.example","subject":"s","body":"b"}""", RunMetrics.Empty with { EmailsSent = 3 });

        Assert.Equal(PolicyAction.Deny, decision.Action);
    }

    [Fact]
    public void Evaluate_TwentyFirstToolCall_Denied()
    {
        var decision = Decide("search_docs", """{"query":"x"}""", RunMetrics.Empty with { ToolCalls = 20 });

        Assert.Equal(PolicyAction.Deny, decision.Action);
    }

    private static string FindDefaultPolicy()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "samples", "policies", "default.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("samples/policies/default.yaml not found above the test output directory.");
    }
}
