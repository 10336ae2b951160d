using System.Text.Json;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Runtime.Tests.Forensics.Support.Desk;

/// <summary>A support-desk tool whose input schema lists string fields and whose answer a test scripts.</summary>
internal sealed class DeskTool : ITool
{
    private readonly Func<ToolInvocation, JsonElement> _answer;

    public DeskTool(string name, string[] fields, decimal cost, Func<ToolInvocation, JsonElement> answer)
    {
        Name = name;
        CostPerCallUsd = cost;
        _answer = answer;
        var properties = string.Join(",", fields.Select(f => $"\"{f}\":{{\"type\":\"string\"}}"));
        InputSchema = JsonDocument.Parse($$"""{"type":"object","properties":{{{properties}}},"required":[{{string.Join(",", fields.Select(f => $"\"{f}\""))}}]}""").RootElement.Clone();
    }

    public string Name { get; }

    public string Description => $"desk tool {Name}";

    public JsonElement InputSchema { get; }

    public TimeSpan Timeout => TimeSpan.FromSeconds(3);

    public decimal CostPerCallUsd { get; }

    public int OutputCapBytes => 8192;

    public Task<JsonElement> ExecuteAsync(ToolInvocation invocation, CancellationToken cancellationToken) => Task.FromResult(_answer(invocation));
}
