using System.Text;
using FunctionAgents.Domain.Evaluation.Sets;
using FunctionAgents.Domain.Runs;
using Microsoft.Extensions.AI.Evaluation;

namespace FunctionAgents.Runtime.Evaluation.Evaluators;

/// <summary>
/// The additional context every FunctionAgents evaluator reads: the finished run's folded state (goal, plan, steps with
/// their decisions and observations, answer, sources, cost, times) and, for a labelled case, what it expects.
/// </summary>
public sealed class RunEvaluationContext : EvaluationContext
{
    public const string ContextName = "FunctionAgents run";

    public RunEvaluationContext(RunState run, CaseExpectation? expect = null)
        : base(ContextName, Describe(run))
    {
        Run = run;
        Expect = expect ?? CaseExpectation.None;
    }

    /// <summary>The run as the journal folds it.</summary>
    public RunState Run { get; }

    /// <summary>The case's labels; <see cref="CaseExpectation.None"/> for an unlabelled run (nightly).</summary>
    public CaseExpectation Expect { get; }

    private static string Describe(RunState run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var text = new StringBuilder();
        text.Append("Run ").Append(run.RunId).Append(" (").Append(RunStatusNames.ToName(run.Status)).Append("): ").AppendLine(run.Goal);
        foreach (var step in run.Steps)
        {
            text.Append("- ").Append(step.Id).Append(' ').Append(step.Tool).Append(": ").AppendLine(step.Phase.ToString());
        }

        return text.ToString();
    }
}
