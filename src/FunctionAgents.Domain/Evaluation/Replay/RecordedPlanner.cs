using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Domain.Evaluation.Replay;

/// <summary>Returns the plan (and the model calls behind it) the recorded run got; the plan is validated again by the caller.</summary>
public sealed class RecordedPlanner(RecordedRun run) : IPlanner
{
    public string Name => run.Plan?.Planner ?? "recorded";

    public Task<PlannerResult> PlanAsync(PlanRequest request, CancellationToken cancellationToken) =>
        run.Plan is { } plan
            ? Task.FromResult(plan)
            : throw new RunFailureException(ReplayFailureCodes.UnrecordedModelOutput, $"run {run.RunId} recorded no plan to substitute");
}
