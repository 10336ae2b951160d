using FunctionAgents.Domain.Evaluation.Replay;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Runs;

namespace FunctionAgents.Runtime.Evaluation.Replay;

/// <summary>
/// The replay engine: re-runs a journaled run through the current decider. Model outputs (plans, answers) and tool
/// observations come from the recording (or, in live mode, from a candidate planner and builder); plan validation,
/// the policy guard, budget and response checks run for real. Human decisions and cancellations are replayed as
/// recorded. The result tells whether the replay reproduced the recording and, if not, the first Seq that differs.
/// </summary>
/// <remarks>
/// Time: each step is decided and stamped with the recorded time of the Seq it is about to write, so deadlines and
/// approval expiries fall where they fell. No tool is ever executed: a call with no recorded observation is listed
/// as unrecorded and observed as failed. Thread-safe: every call works on its own state.
/// </remarks>
public sealed class RunReplayer
{
    private readonly ReplayConfiguration _configuration;

    public RunReplayer(ReplayConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Validate();
        _configuration = configuration;
    }

    public ReplayConfiguration Configuration => _configuration;

    /// <summary>Reads run <paramref name="runId"/> from <paramref name="journal"/> and replays it.</summary>
    public async Task<ReplayResult> ReplayAsync(IEventJournal journal, string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var events = new List<RunEvent>();
        await foreach (var e in journal.ReadAsync(runId, cancellationToken: cancellationToken))
        {
            events.Add(e);
        }

        return events.Count == 0
            ? throw new ArgumentException($"The journal holds no run {runId}.", nameof(runId))
            : await ReplayAsync(events, cancellationToken);
    }

    /// <summary>Replays a recorded run: its events in Seq order from RunStarted at Seq 1.</summary>
    /// <exception cref="ArgumentException">The events are not one gapless run starting with RunStarted.</exception>
    public async Task<ReplayResult> ReplayAsync(IReadOnlyList<RunEvent> recorded, CancellationToken cancellationToken = default)
    {
        var run = new RecordedRun(recorded);
        var live = _configuration.Mode == ReplayMode.Live;
        var session = new ReplaySession(run);
        var tools = new RecordedToolRunner(run, anyStep: live);
        var activities = new RunActivities(
            live ? _configuration.CandidatePlanner! : new RecordedPlanner(run),
            live ? _configuration.CandidateResponseBuilder! : new RecordedResponseBuilder(run),
            _configuration.Tools,
            tools,
            _configuration.Policy,
            session.Clock,
            _configuration.Prices,
            new RecordedMemory(run));

        var status = await DriveAsync(session, activities, live, cancellationToken);
        return new ReplayResult(
            run.RunId,
            recorded,
            session.Replayed,
            RunEvolver.Fold(recorded),
            session.State,
            status,
            ReplayComparer.FirstDivergence(recorded, session.Replayed),
            tools.Unrecorded);
    }

    private static async Task<ReplayStatus> DriveAsync(ReplaySession session, RunActivities activities, bool live, CancellationToken cancellationToken)
    {
        // A run writes a bounded number of events; the bound stops a candidate that loops.
        var limit = (4 * session.Run.Events.Count) + 200;
        for (var i = 0; i < limit; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (session.TryInjectExternal())
            {
                continue;
            }

            var position = session.Position;
            if (session.Aligned && position > session.Run.Events.Count && !session.State.IsFinished)
            {
                return ReplayStatus.Incomplete;
            }

            var now = session.Run.TimeAt(position);
            var step = RunDecider.Decide(session.State, now);
            if (step is RunStep.AwaitApproval wait)
            {
                if (!session.Aligned && session.TryInjectCancellation())
                {
                    continue;
                }

                now = WaitUntil(session.Run, wait, now);
                step = RunDecider.Decide(session.State, now);
                if (step is RunStep.AwaitApproval)
                {
                    return ReplayStatus.AwaitingApproval;
                }
            }

            if (step is RunStep.Idle)
            {
                return session.State.IsFinished ? ReplayStatus.Finished : ReplayStatus.Incomplete;
            }

            session.Clock.Now = now;
            var drafts = (session.Aligned && !live ? session.Run.FailureAt(step, position) : null)
                ?? await activities.PerformAsync(session.State, step, cancellationToken);
            if (drafts.Count == 0)
            {
                return ReplayStatus.Incomplete;
            }

            session.Append(drafts, now);
        }

        return ReplayStatus.Incomplete;
    }

    /// <summary>
    /// How long a waiting replay lets time run: to the approval's expiry when the recording shows it expired,
    /// otherwise to the recording's last event (so a deadline that passed while the original waited passes again).
    /// </summary>
    private static DateTimeOffset WaitUntil(RecordedRun run, RunStep.AwaitApproval wait, DateTimeOffset now)
    {
        var until = run.ApprovalExpired(wait.StepId) ? wait.ExpiresAt : run.LastTime;
        return until > now ? until : now;
    }
}
