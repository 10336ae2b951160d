using System.Text.Json;

namespace FunctionAgents.Domain.Tools;

/// <summary>A tool the planner may use. The executor enforces timeout, output cap and error normalization.</summary>
public interface ITool
{
    string Name { get; }

    string Description { get; }

    /// <summary>JSON Schema (the subset the runtime validates) of the tool's input object.</summary>
    JsonElement InputSchema { get; }

    TimeSpan Timeout { get; }

    decimal CostPerCallUsd { get; }

    /// <summary>Largest serialized output in UTF-8 bytes; larger outputs are cut and marked truncated.</summary>
    int OutputCapBytes { get; }

    /// <summary>Runs the tool. Tools with side effects are idempotent on <see cref="ToolInvocation.DispatchId"/>.</summary>
    Task<JsonElement> ExecuteAsync(ToolInvocation invocation, CancellationToken cancellationToken);
}

/// <summary>One dispatch of a tool. <paramref name="DispatchId"/> is RunId:Seq of its ToolExecuted event.</summary>
public sealed record ToolInvocation(string DispatchId, string RunId, string TenantId, string StepId, JsonElement Input);
