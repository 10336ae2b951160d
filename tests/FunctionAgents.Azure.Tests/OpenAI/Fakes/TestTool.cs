using System.Collections.Concurrent;
using System.Text.Json;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Azure.Tests.OpenAI.Fakes;

/// <summary>A tool with a strict-mode input schema (one required string <c>q</c>) and a scripted output.</summary>
internal sealed class TestTool(string name, Func<ToolInvocation, object>? output = null, decimal cost = 0.001m) : ITool
{
    public string Name => name;

    public string Description => $"test tool {name}: answers questions about the shop";

    public JsonElement InputSchema { get; } = JsonDocument.Parse(
        """{"type":"object","additionalProperties":false,"required":["q"],"properties":{"q":{"type":"string","description":"what to look up"}}}""").RootElement;

    public TimeSpan Timeout => TimeSpan.FromSeconds(5);

    public decimal CostPerCallUsd => cost;

    public int OutputCapBytes => 16_384;

    /// <summary>Every dispatch id this tool ran with: its side effects.</summary>
    public ConcurrentBag<string> Dispatches { get; } = [];

    public Task<JsonElement> ExecuteAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        Dispatches.Add(invocation.DispatchId);
        var result = output?.Invoke(invocation) ?? new { answer = $"{name} found: {invocation.Input.GetProperty("q").GetString()}" };
        return Task.FromResult(JsonSerializer.SerializeToElement(result));
    }
}
