using FunctionAgents.Domain.Engine;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Engine;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Runs;

namespace FunctionAgents.Runtime.Tests.Runs.Fakes;

/// <summary>How far <see cref="LoopDriver.DriveAsync"/> took a run.</summary>
internal enum DriveOutcome
{
    Finished,
    AwaitingApproval,
    NotFound,
}

/// <summary>
/// Drives a run with the orchestrator's own loop (<see cref="OrchestrationLoop"/>) and activities (<see cref="StepRunner"/>)
/// in process, on the test's clock, until it waits for a human or ends. For harnesses on a fixed clock: the Durable
/// engine (timers, CurrentUtcDateTime) runs on real time, and its behaviour is covered in FunctionAgents.Durable.Tests.
/// </summary>
internal static class LoopDriver
{
    public static async Task<DriveOutcome> DriveAsync(StepRunner runner, IEventJournal journal, string runId, TimeProvider clock)
    {
        if ((await RunReader.LoadAsync(journal, runId)).Status == RunStatus.NotStarted)
        {
            return DriveOutcome.NotFound;
        }

        try
        {
            await OrchestrationLoop.RunAsync(
                runId,
                request => runner.PerformAsync(request),
                (id, after) => runner.ReadAsync(id, after),
                (_, _) => throw new WaitsForHuman(),
                clock.GetUtcNow);
            return DriveOutcome.Finished;
        }
        catch (WaitsForHuman)
        {
            return DriveOutcome.AwaitingApproval;
        }
    }

    /// <summary>Stops the loop where a Durable orchestration would wait for an external event.</summary>
    private sealed class WaitsForHuman : Exception;
}
