using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Forensics.Explaining;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Domain.Forensics.Invariants;

/// <summary>
/// <c>budget-respected</c>, per the budget rules: a run may end up past its budget by at most the one model call whose
/// actual cost was higher than estimated, and that cost must be followed at once by BudgetExceeded (after the plan
/// verdict when the call was the planner's). A call estimated past the budget must never happen, so no tool call (whose
/// cost is known beforehand) may cross the budget and nothing may be called after BudgetExceeded.
/// </summary>
public sealed class BudgetRespectedInvariant : IRunInvariant
{
    public const string InvariantName = "budget-respected";

    public string Name => InvariantName;

    public string Description =>
        "No call after BudgetExceeded, no tool call past the budget, and a model call whose actual cost passed the budget is followed at once by BudgetExceeded.";

    public InvariantResult Check(RunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var stop = state.SeqOf(nameof(BudgetExceeded));
        if (stop is { } stoppedAt)
        {
            foreach (var call in (string[])[nameof(ModelCalled), nameof(ToolExecuted)])
            {
                if (state.SeqOf(call) is { } calledAt && calledAt > stoppedAt)
                {
                    return InvariantResult.Fail($"{call} at Seq {calledAt} came after the run stopped for its budget (BudgetExceeded at Seq {stoppedAt})");
                }
            }
        }

        if (state.CostUsd <= state.BudgetUsd)
        {
            return InvariantResult.Pass;
        }

        // The last CostRecorded is the one that took the run past its budget: any later spend would itself have failed above or below.
        var crossedAt = state.SeqOf(nameof(CostRecorded)) ?? 0;
        var spent = $"{ExplainText.Usd(state.CostUsd)} against a budget of {ExplainText.Usd(state.BudgetUsd)}";
        if (state.SeqOf(nameof(ObservationCaptured)) == crossedAt - 1)
        {
            return InvariantResult.Fail($"a tool call took the run to {spent} (Seq {crossedAt}); its cost was known beforehand, so it should have been refused");
        }

        var verdictAt = crossedAt + 1;
        var afterVerdict = state.SeqOf(nameof(PlanGenerated)) == verdictAt || state.SeqOf(nameof(PlanRejected)) == verdictAt;
        var stopDueAt = afterVerdict ? verdictAt + 1 : verdictAt;
        if (stop is { } recorded && recorded > crossedAt)
        {
            return recorded == stopDueAt
                ? InvariantResult.Pass
                : InvariantResult.Fail($"the run reached {spent} at Seq {crossedAt} but BudgetExceeded came only at Seq {recorded}");
        }

        // Until the batch that crossed the budget is complete, BudgetExceeded may still follow.
        return state.LastSeq < stopDueAt
            ? InvariantResult.Pass
            : InvariantResult.Fail($"the run reached {spent} at Seq {crossedAt} and went on to Seq {state.LastSeq} without BudgetExceeded");
    }
}
