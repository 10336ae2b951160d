using FunctionAgents.Domain.Evaluation.Checks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace FunctionAgents.Runtime.Evaluation.Evaluators;

/// <summary>
/// The base of every FunctionAgents evaluator on the Microsoft.Extensions.AI.Evaluation contract: one
/// <see cref="NumericMetric"/> named after the evaluator, always with an interpretation (rating, failed, reason). The
/// run comes in as a <see cref="RunEvaluationContext"/>; without one the metric is errored, never passed.
/// </summary>
public abstract class RunEvaluator : IEvaluator
{
    /// <summary>Metadata key on every metric: <c>scored</c>, <c>not_run</c> or <c>errored</c>.</summary>
    public const string StateKey = "fa.state";

    protected RunEvaluator(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The evaluator's (and its metric's) name, one of <see cref="EvaluatorNames"/>.</summary>
    public string Name { get; }

    /// <summary>True when the evaluator needs the judge model.</summary>
    public virtual bool NeedsModel => false;

    public IReadOnlyCollection<string> EvaluationMetricNames => [Name];

    public async ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        var context = additionalContext?.OfType<RunEvaluationContext>().FirstOrDefault();
        if (context is null)
        {
            return new EvaluationResult(Errored($"no {RunEvaluationContext.ContextName} context was given"));
        }

        CheckOutcome outcome;
        try
        {
            outcome = await CheckAsync(context, chatConfiguration, cancellationToken).ConfigureAwait(false);
        }
        catch (EvaluatorException ex)
        {
            return new EvaluationResult(Errored(ex.Message));
        }

        return new EvaluationResult(ToMetric(outcome));
    }

    /// <summary>Scores the run; throw <see cref="EvaluatorException"/> when it cannot be scored.</summary>
    protected abstract ValueTask<CheckOutcome> CheckAsync(RunEvaluationContext context, ChatConfiguration? chatConfiguration, CancellationToken cancellationToken);

    /// <summary>The rating of a scored outcome (deterministic scores are 0..1; judged ones override for 1..5).</summary>
    protected virtual EvaluationRating Rate(double score) => score switch
    {
        >= 1 => EvaluationRating.Exceptional,
        >= 0.9 => EvaluationRating.Good,
        >= 0.7 => EvaluationRating.Average,
        >= 0.5 => EvaluationRating.Poor,
        _ => EvaluationRating.Unacceptable,
    };

    private NumericMetric ToMetric(CheckOutcome outcome)
    {
        var metric = new NumericMetric(Name, outcome.Score, outcome.Reason);
        if (outcome.Score is { } score)
        {
            metric.Interpretation = new EvaluationMetricInterpretation(Rate(score), outcome.Failed, outcome.Reason);
            metric.AddOrUpdateMetadata(StateKey, "scored");
        }
        else
        {
            // Not run is inconclusive and not failed; the gate never counts it as a pass.
            metric.Interpretation = new EvaluationMetricInterpretation(EvaluationRating.Inconclusive, false, $"not run: {outcome.Reason}");
            metric.AddOrUpdateMetadata(StateKey, "not_run");
        }

        return metric;
    }

    private NumericMetric Errored(string reason)
    {
        var metric = new NumericMetric(Name, null, reason)
        {
            Interpretation = new EvaluationMetricInterpretation(EvaluationRating.Unknown, true, reason),
        };
        metric.AddDiagnostics(EvaluationDiagnostic.Error(reason));
        metric.AddOrUpdateMetadata(StateKey, "errored");
        return metric;
    }
}
