using FunctionAgents.Core.Policy;

namespace FunctionAgents.Core.Events.Payloads;

/// <summary>Policy denied a proposed tool call; the step is skipped and the run goes on.</summary>
public sealed record ToolRejected(
    string StepId, string Tool, IReadOnlyList<PolicyRuleMatch> Rules, string Reason, string PolicyVersion) : EventPayload;
