using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Http.Contracts;

/// <summary>The wire names of <see cref="StepPhase"/>, as the run state reports them.</summary>
internal static class StepPhases
{
    public static string ToName(StepPhase phase) => phase switch
    {
        StepPhase.Pending => "pending",
        StepPhase.Proposed => "proposed",
        StepPhase.AwaitingApproval => "awaiting_approval",
        StepPhase.Approved => "approved",
        StepPhase.Rejected => "rejected",
        StepPhase.Executed => "executed",
        _ => "not_run",
    };
}
