using FunctionAgents.Runtime.Engine;
using Microsoft.DurableTask;

namespace FunctionAgents.Durable;

/// <summary>
/// The one registration table of the run orchestrator and its activities under their <see cref="OrchestrationNames"/>:
/// the portable SDK's registry (Durable Functions' worker, DurableTaskTestHost) and the local DTFx hub register from it,
/// and the Functions app's function names are checked against it (FunctionsMetadataParityTests).
/// </summary>
public static class RunTasks
{
    /// <summary>The activity names that perform a step (one per step kind).</summary>
    public static IReadOnlyList<string> StepActivities { get; } =
    [
        OrchestrationNames.Plan,
        OrchestrationNames.CheckPolicy,
        OrchestrationNames.ExpireApproval,
        OrchestrationNames.ExecuteTool,
        OrchestrationNames.Synthesize,
        OrchestrationNames.Finish,
    ];

    /// <summary>Every activity name the orchestrator calls.</summary>
    public static IReadOnlyList<string> AllActivities { get; } =
        [.. StepActivities, OrchestrationNames.ReadRun, OrchestrationNames.FailRun];

    /// <summary>Every activity the orchestrator calls, by name, each over <paramref name="runner"/>.</summary>
    /// <param name="activity">Optional decorator for a step activity (tests inject faults here).</param>
    public static IEnumerable<(string Name, ITaskActivity Activity)> Activities(
        StepRunner runner, Func<string, ITaskActivity, ITaskActivity>? activity = null)
    {
        foreach (var name in StepActivities)
        {
            ITaskActivity step = new RunStepActivity(runner);
            yield return (name, activity?.Invoke(name, step) ?? step);
        }

        yield return (OrchestrationNames.ReadRun, new ReadRunActivity(runner));
        yield return (OrchestrationNames.FailRun, new FailRunActivity(runner));
    }

    /// <summary>Adds the orchestrator and activities to a portable-SDK registry, each activity wrapping <paramref name="runner"/>.</summary>
    /// <param name="activity">Optional decorator for a step activity (tests inject faults here).</param>
    public static DurableTaskRegistry AddRunTasks(
        this DurableTaskRegistry registry,
        StepRunner runner,
        Func<ITaskOrchestrator>? orchestrator = null,
        Func<string, ITaskActivity, ITaskActivity>? activity = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator(OrchestrationNames.Orchestrator, orchestrator ?? (() => new AgentRunOrchestration()));
        foreach (var (name, task) in Activities(runner, activity))
        {
            registry.AddActivity(name, task);
        }

        return registry;
    }
}
