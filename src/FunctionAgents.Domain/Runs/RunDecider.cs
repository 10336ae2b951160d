namespace FunctionAgents.Domain.Runs;

/// <summary>
/// Decide: the pure function from a run's state (and the engine's clock reading) to its next step.
/// Steps run in plan order; a rejected step is skipped; the run pauses while a step awaits a human.
/// </summary>
public static class RunDecider
{
    public static RunStep Decide(RunState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Status == RunStatus.NotStarted || state.IsFinished)
        {
            return new RunStep.Idle();
        }

        if (state.Response is not null)
        {
            return new RunStep.Finish(RunStatus.Completed, null, null);
        }

        if (state.BudgetStop is not null)
        {
            return new RunStep.Finish(RunStatus.Failed, FailureCodes.BudgetExceeded, state.BudgetStop);
        }

        if (now >= state.Deadline)
        {
            return new RunStep.Finish(
                RunStatus.Failed, FailureCodes.DeadlineExceeded, $"the run passed its deadline of {state.Deadline:O}");
        }

        if (state.Plan is null)
        {
            return state.PlanErrors.Count > 0
                ? new RunStep.Finish(RunStatus.Failed, FailureCodes.PlanRejected, PlanRejectionReason(state))
                : new RunStep.Plan();
        }

        foreach (var step in state.Steps)
        {
            switch (step.Phase)
            {
                case StepPhase.Pending or StepPhase.Proposed:
                    return state.StepsExecuted >= state.MaxSteps ? new RunStep.Synthesize() : new RunStep.CheckPolicy(step.Id);
                case StepPhase.AwaitingApproval when step.Approval is { } approval:
                    return now >= approval.ExpiresAt
                        ? new RunStep.ExpireApproval(step.Id)
                        : new RunStep.AwaitApproval(step.Id, approval.ExpiresAt);
                case StepPhase.Approved:
                    return new RunStep.ExecuteTool(step.Id);
                default:
                    continue;
            }
        }

        return new RunStep.Synthesize();
    }

    private static string PlanRejectionReason(RunState state)
    {
        var first = state.PlanErrors.Take(3).Select(v => $"{v.Path}: {v.Message}");
        var more = state.PlanErrors.Count > 3 ? $" (+{state.PlanErrors.Count - 3} more)" : string.Empty;
        return $"the {state.Planner ?? "planner"}'s plan was invalid: {string.Join("; ", first)}{more}";
    }
}
