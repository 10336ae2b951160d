using System.Text.Json;

namespace FunctionAgents.Domain.Policy;

/// <summary>Decides allow / deny / require approval for one proposed tool call. Pure and thread-safe.</summary>
public interface IPolicyEvaluator
{
    /// <summary>SHA-256 of the loaded policy's normalized content.</summary>
    string Version { get; }

    PolicyDecision Evaluate(string tool, JsonElement input, RunMetrics metrics);
}
