using System.Text.Json;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Http.Contracts;

/// <summary>One plan step with its policy decision (<see cref="Decision"/>, <see cref="Rule"/>, <see cref="Rules"/>, <see cref="Reason"/>) and result.</summary>
public sealed record StepView(
    string Id,
    string Tool,
    string Objective,
    string SuccessCriteria,
    StepPhase Phase,
    JsonElement Input,
    PolicyAction? Decision,
    string? Rule,
    IReadOnlyList<PolicyRuleMatch> Rules,
    string? Reason,
    string? PolicyVersion,
    string? DecidedBy,
    string? Approver,
    string? ApprovalComment,
    string? DispatchId,
    ToolObservation? Observation,
    decimal CostUsd);
