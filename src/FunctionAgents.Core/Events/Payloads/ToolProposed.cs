using System.Text.Json;

namespace FunctionAgents.Core.Events.Payloads;

/// <summary>The run is about to call a tool for a plan step; the policy guard decides next.</summary>
public sealed record ToolProposed(string StepId, string Tool, JsonElement Input, string Objective) : EventPayload;
