using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Domain.Forensics.Invariants;

/// <summary>
/// <c>every-executed-tool-was-approved</c>: every dispatched tool call was allowed by policy, approved by a human, or
/// allowed by the policy's on_timeout setting when its approval expired.
/// </summary>
public sealed class EveryExecutedToolApprovedInvariant : IRunInvariant
{
    public const string InvariantName = "every-executed-tool-was-approved";

    public string Name => InvariantName;

    public string Description => "Every executed tool call was approved by policy or by a human.";

    public InvariantResult Check(RunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var step in state.Steps.Where(s => s.DispatchId is not null))
        {
            if (Unapproved(step) is { } why)
            {
                return InvariantResult.Fail($"step {step.Id} executed {step.Tool} {why}");
            }
        }

        return InvariantResult.Pass;
    }

    private static string? Unapproved(StepState step)
    {
        switch (step.Phase)
        {
            case StepPhase.Approved:
                return null;
            case StepPhase.Executed when IsApproval(step):
                return null;
            case StepPhase.Executed or StepPhase.Rejected:
                return Refusal(step);
            default:
                return $"while it was {step.Phase.ToString().ToLowerInvariant()}, before any approval";
        }
    }

    // After execution the phase no longer tells approval from refusal; the decision fields still do.
    // HumanRejected replaces the step's Reason ("rejected by …"), HumanApproved keeps the policy's reason.
    private static bool IsApproval(StepState step) => step.DecidedBy switch
    {
        "policy" => step.Decision == PolicyAction.Allow,
        "human" => step.Approver is not null && step.Approval is { } asked && string.Equals(step.Reason, asked.Reason, StringComparison.Ordinal),
        "timeout" => step.Approval?.OnTimeout == PolicyAction.Allow,
        _ => false,
    };

    private static string Refusal(StepState step) => step.DecidedBy switch
    {
        "policy" when step.Decision == PolicyAction.Deny => $"although policy denied it ({string.Join(", ", step.Rules.Select(r => r.Name))}: {step.Reason})",
        "policy" => "while it was still waiting for a human's approval",
        "human" => $"although {step.Approver} rejected it",
        "timeout" => "although its approval expired and policy's on_timeout denied it",
        "runtime" => $"although the runtime refused it ({step.Reason})",
        null => "without any approval decision",
        var other => $"without an approval (decided by {other})",
    };
}
