using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Responses;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Runs;

public sealed partial class RunActivities
{
    private async Task<IReadOnlyList<EventDraft>> SynthesizeAsync(RunState state, CancellationToken cancellationToken)
    {
        var batch = new DraftBatch(state);
        long? cause = state.LastSeq;
        var outcomes = state.Steps.Select(Outcome).ToList();
        ResponseResult result;
        try
        {
            result = await _responseBuilder.BuildAsync(
                new ResponseRequest(state.RunId, state.Goal, state.Plan, outcomes, state.BudgetUsd - state.CostUsd), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            AddFailure(state, batch, ex, FailureCodes.ResponseFailed, $"the {_responseBuilder.Name} response builder", cause, Actors.Planner);
            return batch.Drafts;
        }

        (cause, var total, var overBudget) = RecordModelCalls(state, batch, result.ModelCalls, cause, Actors.Planner);
        if (overBudget)
        {
            AddBudgetExceeded(state, batch, total, null, $"answering cost took the run to {total} USD, past its budget of {state.BudgetUsd} USD", cause);
            return batch.Drafts;
        }

        if (string.IsNullOrWhiteSpace(result.Text))
        {
            batch.Add(Actors.Orchestrator, new RunFailed(
                FailureCodes.ResponseFailed, $"the {result.Builder} response builder returned an empty answer", Fallback.For(state, "the answer was empty")), cause);
            return batch.Drafts;
        }

        var drafted = batch.Add(Actors.Orchestrator, new ResponseDrafted(result.Text, result.Sources, result.Builder), cause);
        batch.Add(Actors.Orchestrator, new ResponseFinalized(result.Text), drafted);
        return batch.Drafts;
    }

    private static IReadOnlyList<EventDraft> Finish(RunState state, RunStep.Finish finish)
    {
        var batch = new DraftBatch(state);
        EventPayload final = finish.Status == RunStatus.Completed
            ? new RunCompleted(
                state.StepsExecuted,
                state.Steps.Count(s => s.Phase == StepPhase.Rejected),
                state.CostUsd,
                state.Steps.Exists(s => s.Phase is StepPhase.Pending or StepPhase.Proposed) ? "max_steps" : null)
            : new RunFailed(finish.Code ?? FailureCodes.EngineError, finish.Reason ?? "the run failed", Fallback.For(state, finish.Reason ?? "the run failed"));
        batch.Add(Actors.Orchestrator, final, state.LastSeq);
        return batch.Drafts;
    }

    private static StepOutcome Outcome(StepState step) => step.Phase switch
    {
        StepPhase.Executed => new StepOutcome(step.Id, step.Tool, step.Objective, "executed", step.Observation, null),
        StepPhase.Rejected => new StepOutcome(step.Id, step.Tool, step.Objective, "rejected", null, step.Reason),
        _ => new StepOutcome(step.Id, step.Tool, step.Objective, "not_run", null, "the run stopped before this step"),
    };
}
