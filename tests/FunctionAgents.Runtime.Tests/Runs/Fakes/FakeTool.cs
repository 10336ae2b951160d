using System.Collections.Concurrent;
using System.Text.Json;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Runtime.Tests.Runs.Fakes;

/// <summary>A tool with a one-string-field schema that records every dispatch id it saw (its "side effects").</summary>
internal sealed class FakeTool : ITool
{
    private readonly Func<ToolInvocation, JsonElement> _respond;

    public FakeTool(string name, decimal cost = 0.01m, Func<ToolInvocation, JsonElement>? respond = null)
    {
        Name = name;
        CostPerCallUsd = cost;
        _respond = respond ?? (inv => JsonSerializer.SerializeToElement(new { echo = inv.Input.GetProperty("q").GetString(), email = "anna@example.de" }));
    }

    public string Name { get; }

    public string Description => $"fake {Name}";

    public JsonElement InputSchema { get; } = JsonDocument.Parse(
        """{"type":"object","additionalProperties":false,"required":["q"],"properties":{"q":{"type":"string"}}}""").RootElement;

    public TimeSpan Timeout => TimeSpan.FromSeconds(5);

    public decimal CostPerCallUsd { get; }

    public int OutputCapBytes => 4096;

    /// <summary>Distinct side effects, keyed by dispatch id.</summary>
    public ConcurrentDictionary<string, int> Dispatches { get; } = new();

    public Task<JsonElement> ExecuteAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        Dispatches.AddOrUpdate(invocation.DispatchId, 1, (_, n) => n + 1);
        return Task.FromResult(_respond(invocation));
    }
}
