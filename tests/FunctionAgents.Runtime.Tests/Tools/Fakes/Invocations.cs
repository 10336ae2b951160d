using System.Text.Json;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Runtime.Tests.Tools.Fakes;

internal static class Invocations
{
    public static ToolInvocation For(object input, string dispatchId = "run-1:7", string stepId = "s1") =>
        new(dispatchId, dispatchId.Split(':')[0], "tenant-a", stepId, JsonSerializer.SerializeToElement(input));

    public static ToolInvocation ForJson(string json, string dispatchId = "run-1:7") =>
        new(dispatchId, dispatchId.Split(':')[0], "tenant-a", "s1", JsonSerializer.Deserialize<JsonElement>(json));
}
