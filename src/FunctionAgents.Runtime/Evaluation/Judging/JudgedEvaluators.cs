using System.Globalization;
using System.Text;
using FunctionAgents.Domain.Evaluation.Checks;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Evaluation.Evaluators;
using Microsoft.Extensions.AI.Evaluation;

namespace FunctionAgents.Runtime.Evaluation.Judging;

/// <summary>
/// The evaluators that need the judge model (a 1..5 score and a reason from prompts under <c>prompts/judge/</c>):
/// step success criteria met, answer relevance to the goal, answer groundedness in the observations. Without a judge
/// (no <see cref="ChatConfiguration"/>) each reports "not run", never passed.
/// </summary>
public static class JudgedEvaluators
{
    public const string StepSuccessPrompt = "judge/step-success/v1";
    public const string AnswerRelevancePrompt = "judge/answer-relevance/v1";
    public const string AnswerGroundednessPrompt = "judge/answer-groundedness/v1";

    /// <summary>Each judged evaluator's prompt version, for the report.</summary>
    public static IReadOnlyDictionary<string, string> PromptVersions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [EvaluatorNames.StepSuccess] = StepSuccessPrompt,
        [EvaluatorNames.AnswerRelevance] = AnswerRelevancePrompt,
        [EvaluatorNames.AnswerGroundedness] = AnswerGroundednessPrompt,
    };

    public static IReadOnlyList<RunEvaluator> All(Judge judge) =>
    [
        new StepSuccessEvaluator(judge),
        new AnswerEvaluator(EvaluatorNames.AnswerRelevance, AnswerRelevancePrompt, judge),
        new AnswerEvaluator(EvaluatorNames.AnswerGroundedness, AnswerGroundednessPrompt, judge),
    ];

    internal static string Observation(StepState step) =>
        step.Observation is not { } o ? "(no observation)"
        : o.Success ? o.Output?.GetRawText() ?? "(empty)"
        : $"the tool failed: {o.Error?.Code}: {o.Error?.Message}";

    /// <summary>The judged evaluators' base: 1..5 scores, failed at 2 or below, not run without a judge.</summary>
    private abstract class JudgedEvaluator(string name, Judge judge) : RunEvaluator(name)
    {
        protected Judge Judge { get; } = judge;

        public override bool NeedsModel => true;

        protected override EvaluationRating Rate(double score) => score switch
        {
            >= 4.5 => EvaluationRating.Exceptional,
            >= 3.5 => EvaluationRating.Good,
            >= 2.5 => EvaluationRating.Average,
            >= 1.5 => EvaluationRating.Poor,
            _ => EvaluationRating.Unacceptable,
        };

        protected static CheckOutcome Outcome(double score, string reason) => new(score, score < 2.5, reason);

        protected static CheckOutcome NoJudge => CheckOutcome.NotRun("no judge model is configured");
    }

    private sealed class StepSuccessEvaluator(Judge judge) : JudgedEvaluator(EvaluatorNames.StepSuccess, judge)
    {
        protected override async ValueTask<CheckOutcome> CheckAsync(RunEvaluationContext context, ChatConfiguration? chatConfiguration, CancellationToken cancellationToken)
        {
            if (chatConfiguration is null)
            {
                return NoJudge;
            }

            var steps = context.Run.Steps.Where(s => s.Observation is not null).ToList();
            if (steps.Count == 0)
            {
                return CheckOutcome.NotRun("no step of the run was observed");
            }

            var prompt = JudgePrompt.Load(StepSuccessPrompt);
            var scores = new List<(string Step, Judgement Judgement)>();
            foreach (var step in steps)
            {
                var judgement = await Judge.JudgeAsync(
                    chatConfiguration.ChatClient,
                    prompt,
                    new Dictionary<string, string> { ["objective"] = step.Objective, ["criteria"] = step.SuccessCriteria, ["observation"] = Observation(step) },
                    cancellationToken).ConfigureAwait(false);
                scores.Add((step.Id, judgement));
            }

            var mean = scores.Average(s => s.Judgement.Score);
            var worst = scores.MinBy(s => s.Judgement.Score);
            return Outcome(mean, string.Create(CultureInfo.InvariantCulture, $"{scores.Count} step(s), mean {mean:0.##}; lowest {worst.Step} ({worst.Judgement.Score}): {worst.Judgement.Reason}"));
        }
    }

    private sealed class AnswerEvaluator(string name, string promptName, Judge judge) : JudgedEvaluator(name, judge)
    {
        protected override async ValueTask<CheckOutcome> CheckAsync(RunEvaluationContext context, ChatConfiguration? chatConfiguration, CancellationToken cancellationToken)
        {
            if (chatConfiguration is null)
            {
                return NoJudge;
            }

            if (string.IsNullOrWhiteSpace(context.Run.Response))
            {
                return Outcome(1, "the run has no answer");
            }

            var observations = new StringBuilder();
            foreach (var step in context.Run.Steps.Where(s => s.Observation is not null))
            {
                observations.Append(step.Id).Append(' ').Append(step.Tool).Append(": ").AppendLine(Observation(step));
            }

            var judgement = await Judge.JudgeAsync(
                chatConfiguration.ChatClient,
                JudgePrompt.Load(promptName),
                new Dictionary<string, string> { ["goal"] = context.Run.Goal, ["answer"] = context.Run.Response, ["observations"] = observations.ToString() },
                cancellationToken).ConfigureAwait(false);
            return Outcome(judgement.Score, judgement.Reason);
        }
    }
}
