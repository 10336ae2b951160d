using System.Collections.Concurrent;
using System.Text.Json;
using FunctionAgents.Domain.Policy;

namespace FunctionAgents.Azure.Tests.OpenAI.Fakes;

/// <summary>Allows every tool except those denied, and records every proposed call it was asked about.</summary>
internal sealed class RecordingPolicy(params string[] denied) : IPolicyEvaluator
{
    public ConcurrentQueue<(string Tool, string Input)> Evaluated { get; } = new();

    public string Version => "recording-v1";

    public PolicyDecision Evaluate(string tool, JsonElement input, RunMetrics metrics)
    {
        Evaluated.Enqueue((tool, input.GetRawText()));
        var action = denied.Contains(tool) ? PolicyAction.Deny : PolicyAction.Allow;
        var rule = new PolicyRuleMatch($"{tool}_rule", action, $"{tool} is {action}");
        return new PolicyDecision(action, [rule], rule.Reason, Version, null);
    }
}
