using System.Text.Json;

namespace FunctionAgents.Core.Events.Payloads;

/// <summary>A tool was dispatched. <paramref name="DispatchId"/> (RunId:Seq of this event) keys its side effects.</summary>
public sealed record ToolExecuted(string StepId, string Tool, string DispatchId, JsonElement Input) : EventPayload;
