using FunctionAgents.Runtime.Engine;
using Microsoft.DurableTask;

namespace FunctionAgents.Durable;

/// <summary>Registers the run orchestrator and every activity under their <see cref="OrchestrationNames"/>.</summary>
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
        foreach (var name in StepActivities)
        {
            ITaskActivity step = new RunStepActivity(runner);
            registry.AddActivity(name, activity?.Invoke(name, step) ?? step);
        }

        registry.AddActivity(OrchestrationNames.ReadRun, new ReadRunActivity(runner));
        registry.AddActivity(OrchestrationNames.FailRun, new FailRunActivity(runner));
        return registry;
    }
}
