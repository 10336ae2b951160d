using System.Text.Json;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Memory;

/// <summary>
/// Memory sits behind the policy guard like a tool: reading is the tool <c>memory_read</c>, writing <c>memory_write</c>,
/// each with input <c>{"scope":"long_term"}</c>. A policy without a rule for them applies its default (deny, for the sample policy).
/// </summary>
public static class MemoryTools
{
    public const string Read = "memory_read";

    public const string Write = "memory_write";

    private static readonly JsonElement LongTermInput = JsonDocument.Parse("""{"scope":"long_term"}""").RootElement.Clone();

    /// <summary>The policy's decision on <paramref name="tool"/> for the run as it stands.</summary>
    public static PolicyDecision Decide(IPolicyEvaluator policy, string tool, RunState state)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(state);
        return policy.Evaluate(tool, LongTermInput, state.Metrics);
    }
}
