using FunctionAgents.Core.Tools;

namespace FunctionAgents.Core.Events.Payloads;

/// <summary>The normalized result of a tool dispatch; replay substitutes it instead of calling the tool.</summary>
public sealed record ObservationCaptured(string StepId, string Tool, string DispatchId, ToolObservation Observation) : EventPayload;
