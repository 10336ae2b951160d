using System.Text.Json;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Runtime.Tests.Tools.Fakes;

/// <summary>A tool whose behaviour is a delegate: slow, throwing, oversized or well-behaved as a test needs.</summary>
internal sealed class StubTool(
    string name,
    Func<ToolInvocation, CancellationToken, Task<JsonElement>> run,
    TimeSpan? timeout = null,
    int outputCapBytes = 4096) : ITool
{
    public static JsonElement AnyObjectSchema { get; } = JsonSerializer.SerializeToElement(new
    {
        type = "object",
        properties = new { text = new { type = "string", description = "Anything." } },
        required = new[] { "text" },
        additionalProperties = false,
    });

    public string Name => name;

    public string Description => "A tool for tests.";

    public JsonElement InputSchema => AnyObjectSchema;

    public TimeSpan Timeout => timeout ?? TimeSpan.FromSeconds(5);

    public decimal CostPerCallUsd => 0.001m;

    public int OutputCapBytes => outputCapBytes;

    public Task<JsonElement> ExecuteAsync(ToolInvocation invocation, CancellationToken cancellationToken) =>
        run(invocation, cancellationToken);
}
