using FunctionAgents.Core.Planning;
using FunctionAgents.Core.Runs;

namespace FunctionAgents.Core.Evaluation.Replay;

/// <summary>Returns the plan (and the model calls behind it) the recorded run got; the plan is validated again by the caller.</summary>
internal sealed class RecordedPlanner(RecordedRun run) : IPlanner
{
    public string Name => run.Plan?.Planner ?? "recorded";

    public Task<PlannerResult> PlanAsync(PlanRequest request, CancellationToken cancellationToken) =>
        run.Plan is { } plan
            ? Task.FromResult(plan)
            : throw new RunFailureException(ReplayFailureCodes.UnrecordedModelOutput, $"run {run.RunId} recorded no plan to substitute");
}
