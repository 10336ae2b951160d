using FunctionAgents.Domain.Evaluation.Checks;
using FunctionAgents.Domain.Evaluation.Sets;

namespace FunctionAgents.Runtime.Tests.Evaluation.Sets;

public sealed class EvaluationSetRunnerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_ShippedSetWithTheOfflinePlanner_PassesItsGate()
    {
        var set = SupportDeskSet.Load();

        var side = await SupportDeskSet.Runner().RunAsync(set, "baseline");
        var result = SetGate.Evaluate(SetSummaries.Report(set, Now, null, side, null));

        Assert.True(set.Cases.Count >= 20);
        Assert.True(result.Passed, string.Join("\n", result.Reasons));
        Assert.All(side.Cases, c => Assert.False(c.Errored, c.Error));
        Assert.Equal(1.0, side.Evaluators.Single(e => e.Evaluator == EvaluatorNames.ToolCalls).Mean);
        Assert.Equal(1.0, side.Evaluators.Single(e => e.Evaluator == EvaluatorNames.Policy).Mean);
        var rejected = side.Cases.Single(c => c.CaseId == "email-customer-rejected");
        Assert.DoesNotContain("send_email", rejected.Tools);
    }

    [Fact]
    public async Task RunAsync_CandidateAnswersWithoutTheFacts_GateFailsNamingAnswerEvaluatorsAndCases_BaselinePasses()
    {
        var set = SupportDeskSet.Load();

        var baseline = await SupportDeskSet.Runner().RunAsync(set, "baseline");
        var candidate = await SupportDeskSet.Runner(ScriptedModels.VagueAnswers).RunAsync(set, "candidate");
        var report = SetSummaries.Report(set, Now, null, baseline, candidate);
        var gate = SetGate.Evaluate(report);

        Assert.True(SetGate.Evaluate(SetSummaries.Report(set, Now, null, baseline, null)).Passed);
        Assert.False(gate.Passed);
        var facts = Assert.Single(gate.Checks, c => c.Name == EvaluatorNames.AnswerFacts);
        Assert.False(facts.Passed);
        Assert.Contains("refund-1042", facts.Message, StringComparison.Ordinal);
        Assert.Contains("order-status-1042", facts.Message, StringComparison.Ordinal);
        Assert.Contains(gate.Checks, c => c.Name == EvaluatorNames.AnswerFacts + "_regression" && !c.Passed);
        Assert.Contains(gate.Checks, c => c.Name == EvaluatorNames.ToolCalls && c.Passed);
    }

    [Fact]
    public async Task RunAsync_CandidateSkipsAStep_GateFailsOnToolCallsNamingTheCases()
    {
        var set = SupportDeskSet.Load();

        var candidate = await SupportDeskSet.Runner(ScriptedModels.SkipLastStep).RunAsync(set, "candidate");
        var gate = SetGate.Evaluate(SetSummaries.Report(set, Now, null, await SupportDeskSet.Runner().RunAsync(set, "baseline"), candidate));

        var tools = Assert.Single(gate.Checks, c => c.Name == EvaluatorNames.ToolCalls);
        Assert.False(tools.Passed);
        Assert.Contains("refund-1042", tools.Message, StringComparison.Ordinal);
        Assert.Contains("ticket-damaged-1042", tools.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("refund-policy-damaged", tools.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CaseThatCannotStart_IsReportedErroredAndFailsTheGate()
    {
        var set = new EvaluationSet(
            "broken",
            "broken.yaml",
            [
                new EvaluationCase("too-long", new string('x', 5000), null, CaseExpectation.None, 3),
                new EvaluationCase("fine", "What is the status of order 1042?", new Dictionary<string, string> { ["asOf"] = "2026-11-20" }, CaseExpectation.None, 5),
            ]);

        var side = await SupportDeskSet.Runner().RunAsync(set, "baseline");
        var gate = SetGate.Evaluate(SetSummaries.Report(set, Now, null, side, null));

        Assert.Equal(2, side.Cases.Count);
        var errored = side.Cases[0];
        Assert.True(errored.Errored);
        Assert.Contains("goal must be at most 4000 characters", errored.Error, StringComparison.Ordinal);
        Assert.False(side.Cases[1].Errored);
        Assert.False(gate.Passed);
        Assert.Contains(gate.Reasons, r => r.Contains("too-long", StringComparison.Ordinal));
    }
}
