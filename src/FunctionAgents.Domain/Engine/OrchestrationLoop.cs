using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Domain.Engine;

/// <summary>
/// The decider loop an orchestrator runs, with the host's durable primitives passed in: fold the events each
/// activity returns, Decide on the host's replay-safe clock, call the step's activity, or wait for the
/// step's approval event until its deadline. Deterministic: no clock, GUID or I/O of its own.
/// </summary>
public static class OrchestrationLoop
{
    /// <summary>More activity calls than any valid run needs (20 steps × 2 + planning, answering, finishing).</summary>
    public const int MaxIterations = 200;

    /// <summary>The external event an approval (or a cancel) raises for a waiting step.</summary>
    public static string ApprovalEventName(string stepId) => $"approval:{stepId}";

    /// <summary>The external event a cancel raises: the waiting orchestration re-reads the journal and sees RunCancelled.</summary>
    public const string CancelEventName = "cancel";

    /// <param name="callStep">Calls the activity for a <see cref="StepRequest"/> (with retries) and returns its result.</param>
    /// <param name="refresh">Calls the read activity: every event after a Seq.</param>
    /// <param name="waitForApproval">Waits for the named external event (or the cancel event) until the deadline; returns when it arrives or times out.</param>
    /// <param name="now">The orchestration's replay-safe current time.</param>
    public static async Task<RunStatus> RunAsync(
        string runId,
        Func<StepRequest, Task<StepResult>> callStep,
        Func<string, long, Task<StepResult>> refresh,
        Func<string, DateTimeOffset, Task> waitForApproval,
        Func<DateTimeOffset> now)
    {
        ArgumentNullException.ThrowIfNull(callStep);
        ArgumentNullException.ThrowIfNull(refresh);
        ArgumentNullException.ThrowIfNull(waitForApproval);
        ArgumentNullException.ThrowIfNull(now);
        var state = Fold(RunState.Empty, (await refresh(runId, 0)).Events);
        for (var i = 0; i < MaxIterations; i++)
        {
            var decidedAt = now();
            var step = RunDecider.Decide(state, decidedAt);
            switch (step)
            {
                case RunStep.Idle:
                    return state.Status;
                case RunStep.AwaitApproval wait:
                    // The run deadline bounds the wait too: past it the decider fails the run.
                    await waitForApproval(ApprovalEventName(wait.StepId), wait.ExpiresAt < state.Deadline ? wait.ExpiresAt : state.Deadline);
                    state = Fold(state, (await refresh(runId, state.LastSeq)).Events);
                    break;
                default:
                    var result = await callStep(new StepRequest(runId, state.LastSeq, step.Kind, decidedAt, state.LastHash));
                    state = Fold(state, result.Events);
                    break;
            }
        }

        return state.Status;
    }

    private static RunState Fold(RunState state, IEnumerable<RunEvent> events) => events.Aggregate(state, RunEvolver.Evolve);
}

/// <summary>
/// What an orchestrator asks an activity to do: perform the step of <paramref name="Kind"/> that the decider
/// chooses for the run as it stands after <paramref name="ExpectedLastSeq"/>, deciding at the orchestrator's time
/// <paramref name="DecidedAt"/> so that both sides agree on deadlines. Plain data, so any host can serialize it.
/// </summary>
/// <param name="ExpectedLastHash">
/// The Hash of the orchestrator's event <paramref name="ExpectedLastSeq"/>: an activity may perform the step on a run
/// state it holds in memory only when that state ends at this Seq with this hash. Null in inputs recorded before it
/// existed (Durable histories), which then always read the journal.
/// </param>
public sealed record StepRequest(string RunId, long ExpectedLastSeq, string Kind, DateTimeOffset DecidedAt, string? ExpectedLastHash = null);

/// <summary>
/// The events that follow the orchestrator's ExpectedLastSeq once the activity is done: the ones it appended,
/// or, when another writer got there first, the ones that writer appended. The orchestrator folds them.
/// </summary>
public sealed record StepResult(IReadOnlyList<RunEvent> Events, bool Performed);
