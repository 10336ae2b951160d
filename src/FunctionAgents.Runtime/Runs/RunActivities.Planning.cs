using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Runs;

public sealed partial class RunActivities
{
    private async Task<IReadOnlyList<EventDraft>> PlanAsync(RunState state, CancellationToken cancellationToken)
    {
        var batch = new DraftBatch(state);
        var cause = state.SeqOf(nameof(RunStarted));

        // Memory is recalled at plan time and journaled before the plan, with what was retrieved and from where.
        var recalled = _memory is null ? null : await _memory.RecallAsync(state, cancellationToken);
        if (recalled is not null)
        {
            cause = batch.Add(Actors.Memory, recalled, cause);
        }

        PlannerResult result;
        try
        {
            result = await _planner.PlanAsync(
                new PlanRequest(state.RunId, state.Goal, state.MaxSteps, state.BudgetUsd, state.Metadata, state.BudgetUsd - state.CostUsd, recalled?.Items),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            AddFailure(state, batch, ex, FailureCodes.PlannerFailed, $"the {_planner.Name} planner", cause, Actors.Planner);
            return batch.Drafts;
        }

        (cause, var total, var overBudget) = RecordModelCalls(state, batch, result.ModelCalls, cause, Actors.Planner);

        var validation = PlanValidator.Validate(result.RawPlan, _tools);
        var violations = validation.Violations.Concat(LimitViolations(state, validation.Plan)).ToList();
        cause = validation.Plan is null || violations.Count > 0
            ? batch.Add(Actors.Planner, new PlanRejected(violations, result.Planner, result.RawPlan), cause)
            : batch.Add(Actors.Planner, new PlanGenerated(validation.Plan with { RunId = state.RunId }, result.Planner, result.PromptVersion), cause);
        if (overBudget)
        {
            AddBudgetExceeded(state, batch, total, null, $"planning cost took the run to {total} USD, past its budget of {state.BudgetUsd} USD", cause);
        }

        return batch.Drafts;
    }

    /// <summary>The run's own limits bind whatever the planner proposed.</summary>
    private static IEnumerable<PlanViolation> LimitViolations(RunState state, AgentPlan? plan)
    {
        if (plan is null)
        {
            yield break;
        }

        if (plan.MaxSteps > state.MaxSteps)
        {
            yield return new PlanViolation("$.maxSteps", $"must be at most the run's maxSteps ({state.MaxSteps}), was {plan.MaxSteps}");
        }

        if (plan.BudgetUsd > state.BudgetUsd)
        {
            yield return new PlanViolation("$.budgetUsd", $"must be at most the run's budgetUsd ({state.BudgetUsd}), was {plan.BudgetUsd}");
        }
    }
}
