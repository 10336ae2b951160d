using FunctionAgents.Domain.Costs;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Runs;

public sealed partial class RunActivities
{
    /// <summary>
    /// Records each model call with its cost and the running total; returns the Seq to cause the next event
    /// and whether the actual cost took the run past its budget.
    /// </summary>
    private (long? Cause, decimal Total, bool OverBudget) RecordModelCalls(
        RunState state, DraftBatch batch, IReadOnlyList<ModelCalled> calls, long? cause, string actor)
    {
        var total = state.CostUsd;
        foreach (var call in calls)
        {
            var called = batch.Add(actor, call, cause);
            var cost = _prices.CostOf(call);
            total += cost;
            cause = batch.Add(actor, new CostRecorded("model", call.Deployment, cost, total, call.InputTokens, call.OutputTokens), called);
        }

        return (cause, total, total > state.BudgetUsd);
    }

    private static void AddBudgetExceeded(RunState state, DraftBatch batch, decimal total, decimal? estimate, string reason, long? cause) =>
        batch.Add(Actors.Orchestrator, new BudgetExceeded(state.BudgetUsd, total, estimate, reason), cause);

    /// <summary>Turns a planner's or builder's failure into the run's final events.</summary>
    private void AddFailure(RunState state, DraftBatch batch, Exception ex, string defaultCode, string what, long? cause, string actor)
    {
        var made = ex switch
        {
            BudgetWouldBeExceededException b => b.CallsMade,
            RunFailureException f => f.CallsMade,
            _ => [],
        };
        (cause, var total, _) = RecordModelCalls(state, batch, made, cause, actor);
        state = state with { CostUsd = total };
        switch (ex)
        {
            case BudgetWouldBeExceededException budget:
                AddBudgetExceeded(state, batch, state.CostUsd, budget.EstimateUsd, budget.Message, cause);
                break;
            case RunFailureException failure:
                batch.Add(Actors.Orchestrator, new RunFailed(failure.Code, failure.Message, Fallback.For(state, failure.Message)), cause);
                break;
            default:
                batch.Add(Actors.Orchestrator, new RunFailed(defaultCode, $"{what} failed: {ex.Message}", Fallback.For(state, $"{what} failed")), cause);
                break;
        }
    }
}
