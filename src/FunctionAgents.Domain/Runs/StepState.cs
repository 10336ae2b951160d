using System.Text.Json;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Domain.Runs;

/// <summary>One plan step as the journal tells it so far.</summary>
/// <param name="Input">The input as proposed (references resolved), or the plan's input before that.</param>
/// <param name="DecidedBy"><c>policy</c>, <c>human</c>, <c>timeout</c> or <c>runtime</c> once decided.</param>
/// <param name="LastSeq">Seq of the latest event about this step: what the next one is caused by.</param>
public sealed record StepState(
    string Id,
    string Tool,
    string Objective,
    string SuccessCriteria,
    StepPhase Phase,
    JsonElement Input,
    PolicyAction? Decision,
    IReadOnlyList<PolicyRuleMatch> Rules,
    string? Reason,
    string? PolicyVersion,
    string? DecidedBy,
    PendingApproval? Approval,
    string? Approver,
    string? ApprovalComment,
    string? DispatchId,
    ToolObservation? Observation,
    decimal CostUsd,
    long LastSeq);
