using FunctionAgents.Domain.Evaluation.Checks;
using Microsoft.Extensions.AI.Evaluation;

namespace FunctionAgents.Runtime.Evaluation.Evaluators;

/// <summary>The evaluators that need no model, each wrapping one pure check of <see cref="RunChecks"/>.</summary>
public static class DeterministicEvaluators
{
    /// <summary>
    /// Every deterministic evaluator: tool calls, answer facts, run status (these need a case's labels and are not run
    /// without them), citation groundedness, policy adherence, personal data, cost and latency (these need none).
    /// </summary>
    /// <param name="allowedEmailDomains">Mail domains that are not personal data (the shop's own).</param>
    public static IReadOnlyList<RunEvaluator> All(IEnumerable<string>? allowedEmailDomains = null)
    {
        var domains = allowedEmailDomains?.ToList() ?? [];
        return
        [
            new CheckEvaluator(EvaluatorNames.ToolCalls, c => RunChecks.ToolCalls(c.Run, c.Expect.Tools)),
            new CheckEvaluator(EvaluatorNames.AnswerFacts, c => RunChecks.Facts(c.Run, c.Expect.Facts, c.Expect.Forbidden)),
            new CheckEvaluator(EvaluatorNames.Status, c => RunChecks.Status(c.Run, c.Expect.Status)),
            new CheckEvaluator(EvaluatorNames.Citations, c => RunChecks.Citations(c.Run)),
            new CheckEvaluator(EvaluatorNames.Policy, c => RunChecks.Policy(c.Run)),
            new CheckEvaluator(EvaluatorNames.PersonalData, c => RunChecks.PersonalData(c.Run, domains)),
            new CheckEvaluator(EvaluatorNames.Cost, c => RunChecks.Cost(c.Run)),
            new CheckEvaluator(EvaluatorNames.Latency, c => RunChecks.Latency(c.Run)),
        ];
    }

    /// <summary>A pure check as an evaluator.</summary>
    private sealed class CheckEvaluator(string name, Func<RunEvaluationContext, CheckOutcome> check) : RunEvaluator(name)
    {
        protected override ValueTask<CheckOutcome> CheckAsync(RunEvaluationContext context, ChatConfiguration? chatConfiguration, CancellationToken cancellationToken) =>
            ValueTask.FromResult(check(context));
    }
}
