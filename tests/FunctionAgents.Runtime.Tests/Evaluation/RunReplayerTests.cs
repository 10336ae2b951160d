using System.Text.Json;
using FunctionAgents.Runtime.Tests.Runs.Fakes;
using FunctionAgents.Domain.Evaluation.Replay;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Evaluation.Replay;

namespace FunctionAgents.Runtime.Tests.Evaluation;

public sealed class RunReplayerTests
{
    [Theory]
    [MemberData(nameof(GoldenScenarios.Names), MemberType = typeof(GoldenScenarios))]
    public async Task ReplayAsync_GoldenJournalWithItsConfiguration_ReproducesEveryEvent(string name)
    {
        var scenario = GoldenScenarios.Named(name);
        var recorded = GoldenJournals.Load(name);

        var result = await new RunReplayer(scenario.Configuration()).ReplayAsync(recorded);

        Assert.True(result.IsDeterministic, result.Divergence?.ToString());
        Assert.Equal(ReplayStatus.Finished, result.Status);
        Assert.Equal(recorded.Select(e => e.Type), result.Replayed.Select(e => e.Type));
        Assert.Equal(recorded.Select(e => e.Hash), result.Replayed.Select(e => e.Hash));
        Assert.Empty(result.UnrecordedCalls);
    }

    [Fact]
    public async Task ReplayAsync_DeliberatelyDivergentJournal_ReportsFirstDivergingSeqAndBothVersions()
    {
        var recorded = GoldenJournals.Load(GoldenJournals.DivergentName);

        var result = await new RunReplayer(GoldenScenarios.Named("completed").Configuration()).ReplayAsync(recorded);

        var divergence = Assert.IsType<ReplayDivergence>(result.Divergence);
        Assert.False(result.IsDeterministic);
        Assert.Equal(4, divergence.Seq);
        Assert.Equal("ToolExecuted", divergence.Recorded!.Type);
        Assert.Equal("ToolApproved", divergence.Replayed!.Type);
        Assert.Equal("type ToolExecuted vs ToolApproved", divergence.Difference);
    }

    [Fact]
    public async Task ReplayAsync_TamperedDecisionReason_DivergesAtThePayloadPath()
    {
        var recorded = GoldenJournals.Load("completed");
        var approved = recorded.First(e => e.Type == nameof(ToolApproved));
        recorded[(int)approved.Seq - 1] = approved with { Payload = approved.Payload.Replace("no rule matched", "a rule matched", StringComparison.Ordinal) };

        var result = await new RunReplayer(GoldenScenarios.Named("completed").Configuration()).ReplayAsync(recorded);

        Assert.Equal(approved.Seq, result.Divergence!.Seq);
        Assert.Equal("payload at $.reason", result.Divergence.Difference);
    }

    [Fact]
    public async Task ReplayAsync_CandidatePolicy_DivergesAtItsFirstDecisionAndDeniesEmail()
    {
        var recorded = GoldenJournals.Load("completed");
        var firstDecision = recorded.First(e => e.Type == nameof(ToolApproved)).Seq;

        var result = await new RunReplayer(GoldenScenarios.Named("completed").Configuration(GoldenPolicies.DenyEmail)).ReplayAsync(recorded);

        Assert.Equal(firstDecision, result.Divergence!.Seq);
        Assert.Equal("payload at $.policyVersion", result.Divergence.Difference);
        Assert.Equal(RunStatus.Completed, result.ReplayedState.Status);
        Assert.Equal(StepPhase.Executed, result.ReplayedState.FindStep("s1")!.Phase);
        Assert.Equal(StepPhase.Rejected, result.ReplayedState.FindStep("s2")!.Phase);
        Assert.Contains("deny_send_email", result.ReplayedState.FindStep("s2")!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayAsync_RecordedMode_NeverExecutesATool()
    {
        var tools = GoldenScenario.DefaultTools();
        var configuration = new ReplayConfiguration(new FakeCatalog(tools), GoldenPolicies.Load(GoldenPolicies.AllowAll));

        await new RunReplayer(configuration).ReplayAsync(GoldenJournals.Load("completed"));

        Assert.All(tools, t => Assert.Empty(t.Dispatches));
    }

    [Fact]
    public async Task ReplayAsync_CandidateAllowsADeniedCall_MarksItUnrecordedAndDoesNotExecuteIt()
    {
        var tools = GoldenScenario.DefaultTools();
        var configuration = new ReplayConfiguration(new FakeCatalog(tools), GoldenPolicies.Load(GoldenPolicies.AllowAll));

        var result = await new RunReplayer(configuration).ReplayAsync(GoldenJournals.Load("policy_denied"));

        var unrecorded = Assert.Single(result.UnrecordedCalls);
        Assert.Equal(("s2", "send_email"), (unrecorded.StepId, unrecorded.Tool));
        Assert.Equal("""{"q":"anna@example.de"}""", unrecorded.Input);
        var observation = result.ReplayedState.FindStep("s2")!.Observation!;
        Assert.Equal(ReplayFailureCodes.UnrecordedToolCall, observation.Error!.Code);
        Assert.All(tools, t => Assert.Empty(t.Dispatches));
    }

    [Fact]
    public async Task ReplayAsync_LiveMode_ReusesMatchingObservationsAndMarksTheRestUnrecorded()
    {
        var tools = GoldenScenario.DefaultTools();
        var planner = new ScriptedPlanner(ScriptedPlanner.Plan(("a", "lookup", "order 1042"), ("b", "lookup", "order 7")));
        var configuration = new ReplayConfiguration(
            new FakeCatalog(tools), GoldenPolicies.Load(GoldenPolicies.AllowAll), Mode: ReplayMode.Live, CandidatePlanner: planner, CandidateResponseBuilder: new EchoResponseBuilder());

        var result = await new RunReplayer(configuration).ReplayAsync(GoldenJournals.Load("completed"));

        Assert.Equal(1, planner.Calls);
        Assert.True(result.ReplayedState.FindStep("a")!.Observation!.Success);
        Assert.Equal("order 1042", result.ReplayedState.FindStep("a")!.Observation!.Output!.Value.GetProperty("echo").GetString());
        Assert.Equal("b", Assert.Single(result.UnrecordedCalls).StepId);
        Assert.Equal("a=executed; b=executed", result.ReplayedState.Response);
        Assert.All(tools, t => Assert.Empty(t.Dispatches));
    }

    [Fact]
    public void Configuration_LiveModeWithoutCandidates_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new RunReplayer(GoldenScenarios.Named("completed").Configuration() with { Mode = ReplayMode.Live }));

    [Fact]
    public async Task ReplayAsync_EventsThatAreNotARun_AreRefused()
    {
        var recorded = GoldenJournals.Load("completed").Skip(1).ToList();

        await Assert.ThrowsAsync<ArgumentException>(() => new RunReplayer(GoldenScenarios.Named("completed").Configuration()).ReplayAsync(recorded));
    }

    [Fact]
    public void CanonicalJson_PropertyOrderAndWhitespace_DoNotMatter()
    {
        using var a = JsonDocument.Parse("""{ "b": [1, {"y": 2, "x": 1}], "a": "t" }""");
        using var b = JsonDocument.Parse("""{"a":"t","b":[1,{"x":1,"y":2}]}""");

        Assert.Equal(CanonicalJson.Of(a.RootElement), CanonicalJson.Of(b.RootElement));
        Assert.Equal("""{"a":"t","b":[1,{"x":1,"y":2}]}""", CanonicalJson.Of(a.RootElement));
    }

    [Fact]
    public void FirstDivergence_RecordingLonger_NamesTheMissingEvent()
    {
        var recorded = GoldenJournals.Load("completed");

        var divergence = ReplayComparer.FirstDivergence(recorded, recorded.Take(3).ToList());

        Assert.Equal(4, divergence!.Seq);
        Assert.Null(divergence.Replayed);
        Assert.Equal("the replay produced no event here", divergence.Difference);
    }
}
