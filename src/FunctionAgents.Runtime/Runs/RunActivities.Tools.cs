using System.Globalization;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Telemetry;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Runtime.Runs;

public sealed partial class RunActivities
{
    private async Task<IReadOnlyList<EventDraft>> ExecuteToolAsync(RunState state, string stepId, CancellationToken cancellationToken)
    {
        var step = RequireStep(state, stepId);
        var batch = new DraftBatch(state);
        var estimate = _tools.TryGet(step.Tool, out var tool) ? tool.CostPerCallUsd : 0m;
        if (state.CostUsd + estimate > state.BudgetUsd)
        {
            batch.Add(Actors.Orchestrator, new BudgetExceeded(
                state.BudgetUsd,
                state.CostUsd,
                estimate,
                string.Create(CultureInfo.InvariantCulture, $"{step.Tool} would cost {estimate} USD and take the run to {state.CostUsd + estimate} USD, past its budget of {state.BudgetUsd} USD")), step.LastSeq);
            return batch.Drafts;
        }

        // The dispatch id is the Seq ToolExecuted will take, so a retried activity dispatches with the same id
        // and idempotent tools return the side effect they already made.
        var dispatchId = DispatchIds.For(state.RunId, batch.NextSeq);
        ToolObservation observation;
        using (RunTelemetry.StartToolCall(state, step.Id, step.Tool))
        {
            observation = await _toolRunner.ExecuteAsync(
                new ToolInvocation(dispatchId, state.RunId, state.TenantId, step.Id, step.Input), step.Tool, cancellationToken);
        }

        var executed = batch.Add(Actors.ToolExecutor, new ToolExecuted(step.Id, step.Tool, dispatchId, step.Input), step.LastSeq);
        var observed = batch.Add(Actors.ToolExecutor, new ObservationCaptured(step.Id, step.Tool, dispatchId, observation), executed);
        var total = state.CostUsd + estimate;
        var costed = batch.Add(Actors.ToolExecutor, new CostRecorded("tool", step.Tool, estimate, total, null, null), observed);
        if (total > state.BudgetUsd)
        {
            batch.Add(Actors.Orchestrator, new BudgetExceeded(
                state.BudgetUsd, total, null,
                string.Create(CultureInfo.InvariantCulture, $"cost reached {total} USD, past the budget of {state.BudgetUsd} USD")), costed);
        }

        return batch.Drafts;
    }
}
