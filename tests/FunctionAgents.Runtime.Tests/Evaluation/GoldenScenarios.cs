using FunctionAgents.Runtime.Tests.Runs.Fakes;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Tests.Evaluation;

/// <summary>Every kind of run the engine tests exercise, as golden journal scenarios.</summary>
internal static class GoldenScenarios
{
    public static IReadOnlyList<GoldenScenario> All { get; } =
    [
        new("completed", GoldenPolicies.AllowAll, GoldenScenario.TwoSteps, GoldenScenario.DefaultTools, NothingMore, ExpectedRegressionsWhenEmailDenied: 1),
        new("policy_denied", GoldenPolicies.DenyEmail, GoldenScenario.TwoSteps, GoldenScenario.DefaultTools, NothingMore),
        new("approval_approved", GoldenPolicies.ApproveEmail("PT1H", "deny"), GoldenScenario.TwoSteps, GoldenScenario.DefaultTools, Decide(approve: true), ExpectedRegressionsWhenEmailDenied: 1),
        new("approval_rejected", GoldenPolicies.ApproveEmail("PT1H", "deny"), GoldenScenario.TwoSteps, GoldenScenario.DefaultTools, Decide(approve: false), ExpectedRegressionsWhenEmailDenied: 1),
        new("approval_expired_deny", GoldenPolicies.ApproveEmail("PT30M", "deny"), GoldenScenario.TwoSteps, GoldenScenario.DefaultTools, Wait(TimeSpan.FromMinutes(31)), ExpectedRegressionsWhenEmailDenied: 1),
        new("approval_expired_allow", GoldenPolicies.ApproveEmail("PT30M", "allow"), GoldenScenario.TwoSteps, GoldenScenario.DefaultTools, Wait(TimeSpan.FromMinutes(31)), ExpectedRegressionsWhenEmailDenied: 1),
        new("plan_rejected", GoldenPolicies.AllowAll, """{"runId":"x","goal":"g","maxSteps":50,"budgetUsd":1,"steps":[],"stopConditions":[]}""", GoldenScenario.DefaultTools, NothingMore),
        new("budget_exceeded", GoldenPolicies.AllowAll, ScriptedPlanner.Plan(("s1", "lookup", "a"), ("s2", "lookup", "b")), () => [new FakeTool("lookup", cost: 0.6m), new FakeTool("send_email")], NothingMore, BudgetUsd: 1.0m),
        new("cancelled", GoldenPolicies.ApproveEmail("PT1H", "deny"), GoldenScenario.TwoSteps, GoldenScenario.DefaultTools, Cancel, ExpectedRegressionsWhenEmailDenied: 1),
        new("planner_failed", GoldenPolicies.AllowAll, GoldenScenario.TwoSteps, GoldenScenario.DefaultTools, NothingMore, Planner: () => new FailingModels.Planner()),
        new("answer_failed", GoldenPolicies.AllowAll, GoldenScenario.TwoSteps, GoldenScenario.DefaultTools, NothingMore, ExpectedRegressionsWhenEmailDenied: 1, Builder: () => new FailingModels.Builder()),
        new("deadline_exceeded", GoldenPolicies.ApproveEmail("PT5H", "deny"), GoldenScenario.TwoSteps, GoldenScenario.DefaultTools, Wait(TimeSpan.FromMinutes(11)), new RunOptions { RunDeadline = TimeSpan.FromMinutes(10) }, ExpectedRegressionsWhenEmailDenied: 1),
    ];

    public static IEnumerable<object[]> Names => All.Select(s => new object[] { s.Name });

    public static GoldenScenario Named(string name) => All.Single(s => s.Name == name);

    private static Task NothingMore(RunHarness harness, string runId) => Task.CompletedTask;

    private static Func<RunHarness, string, Task> Decide(bool approve) => async (harness, runId) =>
    {
        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        await harness.Commands.DecideApprovalAsync("t1", runId, "s2", approve, "alice", approve ? "ok" : "wrong customer");
        harness.Clock.Advance(TimeSpan.FromSeconds(2));
        await harness.DriveAsync(runId);
    };

    private static Func<RunHarness, string, Task> Wait(TimeSpan time) => async (harness, runId) =>
    {
        harness.Clock.Advance(time);
        await harness.DriveAsync(runId);
    };

    private static async Task Cancel(RunHarness harness, string runId)
    {
        harness.Clock.Advance(TimeSpan.FromMinutes(3));
        await harness.Commands.CancelAsync("t1", runId, "customer withdrew", "alice");
        await harness.DriveAsync(runId);
    }
}
