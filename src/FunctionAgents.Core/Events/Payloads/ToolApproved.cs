using FunctionAgents.Core.Policy;

namespace FunctionAgents.Core.Events.Payloads;

/// <summary>Policy allowed a proposed tool call.</summary>
public sealed record ToolApproved(
    string StepId, string Tool, IReadOnlyList<PolicyRuleMatch> Rules, string Reason, string PolicyVersion) : EventPayload;
