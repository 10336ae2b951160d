using FunctionAgents.Domain.Evaluation.Scoring;
using FunctionAgents.Runtime.Evaluation.Replay;

namespace FunctionAgents.Runtime.Tests.Evaluation;

public sealed class RunScorerTests
{
    private static async Task<RunScore> ScoreAsync(string name, string? candidatePolicy = null)
    {
        var scenario = GoldenScenarios.Named(name);
        var replay = await new RunReplayer(scenario.Configuration(candidatePolicy)).ReplayAsync(GoldenJournals.Load(name));
        return new RunScorer().Score(replay);
    }

    [Theory]
    [MemberData(nameof(GoldenScenarios.Names), MemberType = typeof(GoldenScenarios))]
    public async Task Score_CandidatePolicyDenyingSendEmail_ProducesExactlyTheExpectedRegressions(string name)
    {
        var expected = GoldenScenarios.Named(name).ExpectedRegressionsWhenEmailDenied;

        var score = await ScoreAsync(name, GoldenPolicies.DenyEmail);

        Assert.Equal(expected, score.Regressions.Count);
        Assert.All(score.Regressions, r =>
        {
            Assert.Equal(("s2", "send_email", "deny"), (r.StepId, r.Tool, r.Candidate));
            Assert.NotEqual("deny", r.Baseline);
        });
    }

    [Fact]
    public async Task Score_CandidatePolicyDenyingSendEmail_RegressionsAcrossAllGoldenRunsAreEight()
    {
        var total = 0;
        foreach (var scenario in GoldenScenarios.All)
        {
            total += (await ScoreAsync(scenario.Name, GoldenPolicies.DenyEmail)).Regressions.Count;
        }

        Assert.Equal(8, total);
    }

    [Theory]
    [MemberData(nameof(GoldenScenarios.Names), MemberType = typeof(GoldenScenarios))]
    public async Task Score_SameConfiguration_CandidateEqualsBaselineWithoutRegressions(string name)
    {
        var score = await ScoreAsync(name);

        Assert.Equal(score.Baseline, score.Candidate);
        Assert.Empty(score.Regressions);
        Assert.True(score.Deterministic);
        Assert.Equal(0d, score.QualityDelta);
    }

    [Theory]
    [InlineData("completed", "completed", true, 1.0, 0.02, 0, 0)]
    [InlineData("policy_denied", "completed", true, 0.5, 0.01, 1, 0)]
    [InlineData("approval_approved", "completed", true, 1.0, 0.02, 0, 1)]
    [InlineData("approval_rejected", "completed", false, 0.0, 0.01, 0, 1)]
    [InlineData("approval_expired_allow", "completed", true, 1.0, 0.02, 0, 1)]
    [InlineData("plan_rejected", "failed", false, 0.0, 0.0, 0, 0)]
    [InlineData("budget_exceeded", "failed", false, 0.0, 0.6, 0, 0)]
    [InlineData("cancelled", "cancelled", false, 0.0, 0.01, 0, 1)]
    [InlineData("deadline_exceeded", "failed", false, 0.0, 0.01, 0, 1)]
    [InlineData("planner_failed", "failed", false, 0.0, 0.0, 0, 0)]
    [InlineData("answer_failed", "failed", false, 0.0, 0.02, 0, 0)]
    public async Task Score_GoldenRun_BaselineMetrics(string name, string status, bool success, double quality, double cost, int denials, int escalations)
    {
        var score = (await ScoreAsync(name)).Baseline;

        Assert.Equal((status, success, quality, (decimal)cost, denials, escalations), (score.Status, score.Success, score.Quality, score.CostUsd, score.Denials, score.Escalations));
    }

    [Fact]
    public async Task Score_Latency_MeasuresFirstApprovedCallAndTotalFromTheRecordedClock()
    {
        var score = (await ScoreAsync("approval_approved")).Baseline;

        Assert.Equal(0, score.TimeToFirstActionMs);
        Assert.Equal((long)TimeSpan.FromSeconds(302).TotalMilliseconds, score.TotalMs);
    }

    [Fact]
    public async Task Score_Groups_ByTenantDayRouteAndPlanner()
    {
        var score = await ScoreAsync("completed");

        Assert.Equal(("t1", new DateOnly(2026, 11, 20), RunScorer.None, "scripted"), (score.TenantId, score.Day, score.Route, score.Model));
    }

    [Fact]
    public void DefaultStepScorer_EmptyOutput_ScoresHalf()
    {
        var step = new Domain.Runs.StepState(
            "s1", "lookup", "o", "c", Domain.Runs.StepPhase.Executed, default, null, [], null, null, null, null, null, null, null,
            new Domain.Tools.ToolObservation(true, System.Text.Json.JsonDocument.Parse("[]").RootElement, null, 1, false), 0m, 1);

        Assert.Equal(0.5, DefaultStepScorer.Instance.Score(step));
        Assert.Equal(0d, DefaultStepScorer.Instance.Score(step with { Phase = Domain.Runs.StepPhase.Rejected }));
    }
}
