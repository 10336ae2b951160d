using System.Collections.Immutable;
using System.Text.Json;
using FunctionAgents.Domain.Evaluation.Checks;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Domain.Tests.Evaluation.Sets;

public sealed class RunChecksTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    internal static StepState Step(string id, string tool, string output, bool executed = true, PolicyAction decision = PolicyAction.Allow) =>
        new(id, tool, "objective", "criteria", executed ? StepPhase.Executed : StepPhase.Rejected, JsonDocument.Parse("{}").RootElement,
            decision, [], "ok", "v1", "policy", null, null, null, executed ? "d-" + id : null,
            executed ? new ToolObservation(true, JsonDocument.Parse(output).RootElement.Clone(), null, 5, false) : null, 0m, 1);

    internal static RunState Run(string answer, IReadOnlyList<string>? sources = null, params StepState[] steps) => RunState.Empty with
    {
        RunId = "r1",
        TenantId = "t",
        Status = RunStatus.Completed,
        Goal = "Can order 1042 still be refunded?",
        BudgetUsd = 1m,
        CostUsd = 0.01m,
        StartedAt = Start,
        FinishedAt = Start.AddSeconds(3),
        Deadline = Start.AddMinutes(5),
        Response = answer,
        ResponseSources = sources ?? [],
        Steps = [.. steps],
    };

    [Fact]
    public void ToolCalls_SameToolsInOrder_Scores1()
    {
        var run = Run("x", null, Step("s1", "search_docs", "{}"), Step("s2", "query_sql", "{}"));

        var outcome = RunChecks.ToolCalls(run, ["search_docs", "query_sql"]);

        Assert.Equal(1, outcome.Score);
        Assert.False(outcome.Failed);
    }

    [Fact]
    public void ToolCalls_SwappedOrder_CostsAPoint()
    {
        var run = Run("x", null, Step("s1", "query_sql", "{}"), Step("s2", "search_docs", "{}"));

        var outcome = RunChecks.ToolCalls(run, ["search_docs", "query_sql"]);

        Assert.Equal(0.5, outcome.Score);
        Assert.True(outcome.Failed);
        Assert.Contains("expected search_docs > query_sql, executed query_sql > search_docs", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ToolCalls_RejectedStepIsNotExecuted_AndNoLabelsIsNotRun()
    {
        var run = Run("x", null, Step("s1", "search_docs", "{}"), Step("s2", "send_email", "{}", executed: false));

        Assert.Equal(["search_docs"], RunChecks.ExecutedTools(run));
        Assert.False(RunChecks.ToolCalls(run, null).Ran);
    }

    [Fact]
    public void Facts_CaseInsensitive_MissingAndForbiddenNamed()
    {
        var run = Run("Order 1042 is within the REFUND WINDOW.");

        Assert.Equal(1, RunChecks.Facts(run, ["1042", "refund window"], []).Score);
        var missing = RunChecks.Facts(run, ["1042", "withdrawal"], []);
        Assert.Equal(0.5, missing.Score);
        Assert.Contains("\"withdrawal\"", missing.Reason, StringComparison.Ordinal);
        var forbidden = RunChecks.Facts(run, ["1042"], ["Refund Window"]);
        Assert.Equal(0, forbidden.Score);
        Assert.True(forbidden.Failed);
    }

    [Fact]
    public void Citations_SourcesNumbersAndDatesFromObservations_AreGrounded()
    {
        var run = Run(
            "Order 1042 (289.00 EUR) was delivered on 2026-11-10.",
            ["samples/docs/refund-policy.md#Refund window", "step:s2"],
            Step("s1", "search_docs", """{"passages":[{"source":"refund-policy.md","heading":"Refund window","text":"30 days"}]}"""),
            Step("s2", "query_sql", """{"rows":[{"order_id":1042,"amount":289.0,"delivered_at":"2026-11-10 11:32:00"}]}"""));

        var outcome = RunChecks.Citations(run);

        Assert.Equal(1, outcome.Score);
    }

    [Fact]
    public void Citations_MadeUpNumberAndUnknownSource_AreNamed()
    {
        var run = Run(
            "Order 1042 will be refunded 45 EUR on 2026-12-01.",
            ["samples/docs/warranty-policy.md#Claims"],
            Step("s1", "query_sql", """{"rows":[{"order_id":1042}]}"""));

        var outcome = RunChecks.Citations(run);

        Assert.True(outcome.Failed);
        Assert.Equal(0.25, outcome.Score);
        Assert.Contains("source samples/docs/warranty-policy.md#Claims", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("date 2026-12-01", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("number 45", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_StepExecutedAfterADeny_Fails()
    {
        var denied = Step("s1", "send_email", "{}", decision: PolicyAction.Deny);

        Assert.True(RunChecks.Policy(Run("x", null, denied)).Failed);
        Assert.False(RunChecks.Policy(Run("x", null, Step("s1", "search_docs", "{}"))).Failed);
    }

    [Fact]
    public void PersonalData_SomeoneElsesAddress_Fails_OwnDomainAllowed()
    {
        Assert.True(RunChecks.PersonalData(Run("Write to bob.miller@example.fr."), null).Failed);
        Assert.False(RunChecks.PersonalData(Run("Write to support@kestrelgoods.example."), ["kestrelgoods.example"]).Failed);
    }

    [Fact]
    public void CostLatencyAndStatus_AgainstBudgetDeadlineAndLabel()
    {
        var run = Run("x");

        Assert.Equal(1, RunChecks.Cost(run).Score);
        Assert.Equal(0.5, RunChecks.Cost(run with { CostUsd = 2m }).Score);
        Assert.Equal(1, RunChecks.Latency(run).Score);
        Assert.True(RunChecks.Latency(run with { FinishedAt = Start.AddMinutes(10) }).Failed);
        Assert.False(RunChecks.Status(run, "completed").Failed);
        Assert.True(RunChecks.Status(run, "failed").Failed);
        Assert.False(RunChecks.Status(run, null).Ran);
    }
}
