using System.Text.Json;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Runtime.Tests.Planning;

internal sealed class FakeTool(string name, string inputSchema) : ITool
{
    public string Name { get; } = name;

    public string Description => $"Fake {Name}.";

    public JsonElement InputSchema { get; } = JsonDocument.Parse(inputSchema).RootElement.Clone();

    public TimeSpan Timeout => TimeSpan.FromSeconds(5);

    public decimal CostPerCallUsd => 0.001m;

    public int OutputCapBytes => 4096;

    public Task<JsonElement> ExecuteAsync(ToolInvocation invocation, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Planning tests never execute tools.");
}
