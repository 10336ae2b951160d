using System.Text.Json;
using FunctionAgents.Domain.Policy;

namespace FunctionAgents.Runtime.Tests.Policy;

internal static class PolicyTesting
{
    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    public static PolicyEngine Load(string yaml, PolicyLoadOptions? options = null) => PolicyLoader.Load(yaml, "test.yaml", options);

    /// <summary>A policy with one deny rule on tool t holding a single input matcher; default allow.</summary>
    public static PolicyEngine SingleMatcher(string key, string value) => Load($"""
        version: 1
        default: allow
        rules:
          - name: r
            when:
              tool: t
              input:
                {key}: {value}
            action: deny
        """);

    /// <summary>True when the single-matcher policy's rule matches the input.</summary>
    public static bool Matches(this PolicyEngine engine, string input) =>
        engine.Evaluate("t", Json(input), RunMetrics.Empty).Matches.Count > 0;

    public static PolicyLoadException LoadFails(string yaml) =>
        Assert.Throws<PolicyLoadException>(() => Load(yaml));
}
