using System.Text.Json;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Domain.Events;

// A tool call: proposed by the plan, approved or rejected by policy, executed, and its observation.

/// <summary>The run is about to call a tool for a plan step; the policy guard decides next.</summary>
public sealed record ToolProposed(string StepId, string Tool, JsonElement Input, string Objective) : EventPayload;

/// <summary>Policy allowed a proposed tool call.</summary>
public sealed record ToolApproved(
    string StepId, string Tool, IReadOnlyList<PolicyRuleMatch> Rules, string Reason, string PolicyVersion) : EventPayload;

/// <summary>Policy denied a proposed tool call; the step is skipped and the run goes on.</summary>
public sealed record ToolRejected(
    string StepId, string Tool, IReadOnlyList<PolicyRuleMatch> Rules, string Reason, string PolicyVersion) : EventPayload;

/// <summary>A tool was dispatched. <paramref name="DispatchId"/> (RunId:Seq of this event) keys its side effects.</summary>
public sealed record ToolExecuted(string StepId, string Tool, string DispatchId, JsonElement Input) : EventPayload;

/// <summary>The normalized result of a tool dispatch; replay substitutes it instead of calling the tool.</summary>
public sealed record ObservationCaptured(string StepId, string Tool, string DispatchId, ToolObservation Observation) : EventPayload;
