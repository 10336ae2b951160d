using System.Text.Json;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Domain.Forensics.Invariants;

/// <summary>
/// <c>no-tool-failure-loop</c>: two consecutive tool executions must not both fail with the same tool and the same
/// input (retrying what just failed, unchanged, is a loop). Executions are taken in journal order.
/// </summary>
public sealed class NoToolFailureLoopInvariant : IRunInvariant
{
    public const string InvariantName = "no-tool-failure-loop";

    public string Name => InvariantName;

    public string Description => "The same tool must not fail twice in a row with the same input.";

    public InvariantResult Check(RunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        StepState? previous = null;
        foreach (var step in state.Steps.Where(s => s.Observation is not null).OrderBy(s => s.LastSeq))
        {
            if (previous is { Observation.Success: false } && step.Observation is { Success: false } failed
                && string.Equals(previous.Tool, step.Tool, StringComparison.Ordinal)
                && JsonElement.DeepEquals(previous.Input, step.Input))
            {
                return InvariantResult.Fail(
                    $"{step.Tool} failed twice in a row with the same input: step {previous.Id} and step {step.Id} ({failed.Error?.Code ?? "no error code"})");
            }

            previous = step;
        }

        return InvariantResult.Pass;
    }
}
