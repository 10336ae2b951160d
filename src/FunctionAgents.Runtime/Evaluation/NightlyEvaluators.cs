using Microsoft.Extensions.AI.Evaluation;

namespace FunctionAgents.Runtime.Evaluation;

/// <summary>
/// The evaluators an <see cref="EvaluationService"/> scores each run with, as recorded: the deterministic ones that need
/// no labels on every run, the judged ones on the first <paramref name="JudgeSample"/> runs of an evaluation (none
/// without a <paramref name="Judge"/>).
/// </summary>
public sealed record NightlyEvaluators(
    IReadOnlyList<IEvaluator> Deterministic,
    IReadOnlyList<IEvaluator> Judged,
    ChatConfiguration? Judge,
    int JudgeSample)
{
    /// <summary>The default number of runs judged per evaluation (FA_EVAL_JUDGE_SAMPLE).</summary>
    public const int DefaultJudgeSample = 20;

    /// <summary>The judge's model id (what the results journal names), or null without a judge.</summary>
    public string? JudgeModel => Judge is null ? null : Judging.JudgeModel.Describe(Judge.ChatClient);
}
