using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Domain.Evaluation.Replay;

/// <summary>
/// A recorded run read once for what replay substitutes: the planner's and response builder's outputs, tool
/// observations by step, tool and input, the human decisions and cancellation, and the recorded time at each Seq.
/// </summary>
public sealed partial class RecordedRun
{
    private readonly List<RecordedObservation> _observations = [];
    private readonly List<RunEvent> _externals = [];
    private readonly HashSet<string> _expiredSteps = new(StringComparer.Ordinal);

    public RecordedRun(IReadOnlyList<RunEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0 || events[0].Type != nameof(RunStarted) || events[0].Seq != 1)
        {
            throw new ArgumentException("A recorded run starts with RunStarted at Seq 1.", nameof(events));
        }

        Events = events;
        RunId = events[0].RunId;
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Seq != i + 1 || !string.Equals(events[i].RunId, RunId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Event {i} of run {RunId} is {events[i].RunId}:{events[i].Seq}; a recording is gapless from Seq 1.", nameof(events));
            }
        }

        Read(events);
    }

    public IReadOnlyList<RunEvent> Events { get; }

    public string RunId { get; }

    public IReadOnlyList<RunEvent> Externals => _externals;

    /// <summary>The recorded event at <paramref name="seq"/>, or null past the end.</summary>
    public RunEvent? At(long seq) => seq >= 1 && seq <= Events.Count ? Events[(int)(seq - 1)] : null;

    /// <summary>The recorded time at <paramref name="seq"/>; past the end, the time of the last event.</summary>
    public DateTimeOffset TimeAt(long seq) => (At(seq) ?? Events[^1]).OccurredAt;

    public DateTimeOffset LastTime => Events[^1].OccurredAt;

    public bool ApprovalExpired(string stepId) => _expiredSteps.Contains(stepId);

    /// <summary>Events a person appended (approvals, rejections, cancellation): inputs of the run, never decided by it.</summary>
    public static bool IsExternal(RunEvent e) =>
        e.Type is nameof(HumanApproved) or nameof(HumanRejected) or nameof(RunCancelled);

    /// <summary>
    /// The recorded observation of a call of <paramref name="tool"/> with <paramref name="canonicalInput"/>: first one not
    /// yet used, preferring the same step; with <paramref name="anyStep"/> false only the same step qualifies.
    /// </summary>
    public ToolObservation? TakeObservation(string stepId, string tool, string canonicalInput, bool anyStep)
    {
        RecordedObservation? best = null;
        foreach (var candidate in _observations)
        {
            if (candidate.Tool != tool || candidate.Input != canonicalInput)
            {
                continue;
            }

            var sameStep = candidate.StepId == stepId;
            if (!sameStep && !anyStep)
            {
                continue;
            }

            var rank = (sameStep ? 0 : 2) + (candidate.Used ? 1 : 0);
            var bestRank = best is null ? int.MaxValue : (best.StepId == stepId ? 0 : 2) + (best.Used ? 1 : 0);
            if (rank < bestRank)
            {
                best = candidate;
            }
        }

        if (best is null)
        {
            return null;
        }

        best.Used = true;
        return best.Observation;
    }

    private void Read(IReadOnlyList<RunEvent> events)
    {
        var inputs = new Dictionary<string, (string StepId, string Tool, string Input)>(StringComparer.Ordinal);
        var beforePlan = new List<ModelCalled>();
        var afterPlan = new List<ModelCalled>();
        var planned = false;
        foreach (var e in events)
        {
            if (!EventTypes.IsKnown(e.Type))
            {
                continue;
            }

            if (IsExternal(e))
            {
                _externals.Add(e);
            }

            switch (e.ReadPayload())
            {
                case ModelCalled call:
                    (planned ? afterPlan : beforePlan).Add(call);
                    break;
                case PlanGenerated or PlanRejected:
                    ReadPlan(e, beforePlan);
                    planned = true;
                    break;
                case ToolExecuted executed:
                    inputs[executed.DispatchId] = (executed.StepId, executed.Tool, CanonicalJson.Of(executed.Input));
                    break;
                case ObservationCaptured observed when inputs.TryGetValue(observed.DispatchId, out var call):
                    _observations.Add(new RecordedObservation(call.StepId, call.Tool, call.Input, observed.Observation));
                    break;
                case ApprovalExpired expired:
                    _expiredSteps.Add(expired.StepId);
                    break;
                case ResponseDrafted drafted:
                    Drafted = drafted;
                    break;
                case RunFailed failed:
                    Failure = failed;
                    break;
                default:
                    break;
            }
        }

        AnswerCalls = afterPlan;
    }

    private sealed class RecordedObservation(string stepId, string tool, string input, ToolObservation observation)
    {
        public string StepId { get; } = stepId;

        public string Tool { get; } = tool;

        public string Input { get; } = input;

        public ToolObservation Observation { get; } = observation;

        public bool Used { get; set; }
    }
}
