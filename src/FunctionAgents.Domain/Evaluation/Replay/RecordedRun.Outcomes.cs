using System.Text.Json;
using System.Text.RegularExpressions;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Responses;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Domain.Evaluation.Replay;

public sealed partial class RecordedRun
{
    /// <summary>What the planner returned, rebuilt from ModelCalled and PlanGenerated / PlanRejected; null when the run never planned.</summary>
    public PlannerResult? Plan { get; private set; }

    /// <summary>Model calls made after planning: the response builder's.</summary>
    public IReadOnlyList<ModelCalled> AnswerCalls { get; private set; } = [];

    public ResponseDrafted? Drafted { get; private set; }

    public RunFailed? Failure { get; private set; }

    /// <summary>What the response builder returned; null when the recording shows no answer and no answering model call.</summary>
    public ResponseResult? Response => Drafted is { } drafted
        ? new ResponseResult(drafted.Text, drafted.Sources, drafted.Builder, AnswerCalls)
        : AnswerCalls.Count > 0
            ? new ResponseResult(string.Empty, [], EmptyAnswerBuilder() ?? "recorded", AnswerCalls)
            : null;

    /// <summary>
    /// The recorded batch a replay takes as it is instead of calling the planner or response builder: when the recorded
    /// planner or builder failed at this position (threw, possibly after model calls, or went over budget while
    /// answering), its events (ModelCalled and CostRecorded pairs, then RunFailed or BudgetExceeded). Only meaningful
    /// while the replay has reproduced the recording so far, so the same step wrote the batch at <paramref name="seq"/>.
    /// </summary>
    public IReadOnlyList<EventDraft>? FailureAt(RunStep step, long seq)
    {
        if (step is not (RunStep.Plan or RunStep.Synthesize))
        {
            return null;
        }

        var drafts = new List<EventDraft>();
        for (var at = seq; At(at) is { } recorded; at++)
        {
            drafts.Add(new EventDraft(recorded.Actor, recorded.ReadPayload(), recorded.CausationSeq));
            switch (recorded.Type)
            {
                case nameof(ModelCalled) or nameof(CostRecorded):
                    continue;
                case nameof(RunFailed) or nameof(BudgetExceeded):
                    return drafts;
                default:
                    return null;
            }
        }

        return null;
    }

    private void ReadPlan(RunEvent e, List<ModelCalled> calls)
    {
        Plan = e.ReadPayload() switch
        {
            PlanGenerated generated => new PlannerResult(
                generated.Planner, generated.PromptVersion, JsonSerializer.Serialize(generated.Plan, PlanJsonContext.Default.AgentPlan), [.. calls]),
            PlanRejected rejected => new PlannerResult(
                rejected.Planner, null, rejected.RawPlan ?? calls.LastOrDefault()?.RawResponse ?? string.Empty, [.. calls]),
            _ => Plan,
        };
    }

    private string? EmptyAnswerBuilder() =>
        Failure is { Code: FailureCodes.ResponseFailed } failed && EmptyAnswer().Match(failed.Reason) is { Success: true } match
            ? match.Groups["builder"].Value
            : null;

    [GeneratedRegex("^the (?<builder>.+) response builder returned an empty answer$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex EmptyAnswer();
}
