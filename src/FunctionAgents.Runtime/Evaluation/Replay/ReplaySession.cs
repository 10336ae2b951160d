using FunctionAgents.Domain.Evaluation.Replay;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Telemetry;

namespace FunctionAgents.Runtime.Evaluation.Replay;

/// <summary>
/// One replay in progress: the events produced so far, their fold, and whether they still equal the recording
/// (while they do, the replay is at the same position as the original run and may take recorded events by Seq).
/// </summary>
internal sealed class ReplaySession
{
    private readonly List<RunEvent> _replayed = [];
    private readonly HashSet<long> _injected = [];

    public ReplaySession(RecordedRun run)
    {
        Run = run;
        Clock = new ReplayClock(run.Events[0].OccurredAt);
        _replayed.Add(run.Events[0]);
        State = RunEvolver.Evolve(RunState.Empty, run.Events[0]);
    }

    public RecordedRun Run { get; }

    public ReplayClock Clock { get; }

    public RunState State { get; private set; }

    public IReadOnlyList<RunEvent> Replayed => _replayed;

    /// <summary>True while every replayed event equals the recorded one at its Seq.</summary>
    public bool Aligned { get; private set; } = true;

    /// <summary>The Seq the next appended event takes.</summary>
    public long Position => State.LastSeq + 1;

    /// <summary>Seals <paramref name="drafts"/> at the next Seq with <paramref name="time"/>, folds them and checks alignment.</summary>
    public void Append(IReadOnlyList<EventDraft> drafts, DateTimeOffset time)
    {
        var events = EventSealer.Seal(State.Identity, Position, State.LastHash, time, drafts, RunTelemetry.TraceParentFor(State.Identity));
        foreach (var e in events)
        {
            State = RunEvolver.Evolve(State, e);
            _replayed.Add(e);
            Aligned = Aligned && ReplayComparer.Compare(e.Seq, Run.At(e.Seq), e) is null;
        }
    }

    /// <summary>
    /// Appends the next recorded human decision or cancellation that applies now: while aligned, the one recorded at
    /// this very Seq; after a divergence, a decision on a step that awaits one, or a cancellation once the replay
    /// reaches its Seq. Returns false when none applies.
    /// </summary>
    public bool TryInjectExternal()
    {
        if (State.IsFinished)
        {
            return false;
        }

        if (Aligned)
        {
            return Run.At(Position) is { } next && RecordedRun.IsExternal(next) && Inject(next, next.CausationSeq);
        }

        foreach (var e in Run.Externals)
        {
            if (_injected.Contains(e.Seq))
            {
                continue;
            }

            var stepId = e.ReadPayload() switch
            {
                HumanApproved approved => approved.StepId,
                HumanRejected rejected => rejected.StepId,
                _ => null,
            };
            if (stepId is not null && State.FindStep(stepId) is { Phase: StepPhase.AwaitingApproval } step)
            {
                return Inject(e, step.Approval?.RequestedSeq ?? step.LastSeq);
            }

            if (stepId is null && Position >= e.Seq)
            {
                return Inject(e, State.LastSeq);
            }
        }

        return false;
    }

    /// <summary>Appends the recorded cancellation, if it was not replayed yet: the run was cancelled while it waited.</summary>
    public bool TryInjectCancellation()
    {
        var cancel = Run.Externals.FirstOrDefault(e => e.Type == nameof(RunCancelled) && !_injected.Contains(e.Seq));
        return cancel is not null && !State.IsFinished && Inject(cancel, State.LastSeq);
    }

    private bool Inject(RunEvent recorded, long? causationSeq)
    {
        _injected.Add(recorded.Seq);
        Append([new EventDraft(recorded.Actor, recorded.ReadPayload(), causationSeq)], recorded.OccurredAt);
        return true;
    }
}
