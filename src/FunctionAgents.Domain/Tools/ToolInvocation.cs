using System.Text.Json;

namespace FunctionAgents.Domain.Tools;

/// <summary>One dispatch of a tool. <paramref name="DispatchId"/> is RunId:Seq of its ToolExecuted event.</summary>
public sealed record ToolInvocation(string DispatchId, string RunId, string TenantId, string StepId, JsonElement Input);
