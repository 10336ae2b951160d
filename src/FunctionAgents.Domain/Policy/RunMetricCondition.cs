using System.Text.Json;

namespace FunctionAgents.Domain.Policy;

/// <summary>
/// A compiled <c>run_metrics</c> matcher: compares a counter of the run so far (before the proposed call) with a number.
/// </summary>
internal sealed class RunMetricCondition : IRuleCondition
{
    /// <summary>The metric names a policy may use, and how to read each from <see cref="RunMetrics"/>.</summary>
    public static IReadOnlyDictionary<string, Func<RunMetrics, decimal>> Metrics { get; } =
        new Dictionary<string, Func<RunMetrics, decimal>>(StringComparer.Ordinal)
        {
            ["tool_calls"] = m => m.ToolCalls,
            ["tickets_created"] = m => m.TicketsCreated,
            ["emails_sent"] = m => m.EmailsSent,
            ["cost_usd"] = m => m.CostUsd,
            ["steps_executed"] = m => m.StepsExecuted,
        };

    /// <summary>The comparison operators, longest first so <c>gte</c> wins over <c>gt</c>.</summary>
    public static IReadOnlyList<string> Operators { get; } = ["gte", "lte", "gt", "lt"];

    private readonly Func<RunMetrics, decimal> _read;
    private readonly string _operator;
    private readonly decimal _threshold;

    public RunMetricCondition(PolicyCondition description, decimal threshold)
    {
        Description = description;
        _read = Metrics[description.Field];
        _operator = description.Operator;
        _threshold = threshold;
    }

    public PolicyCondition Description { get; }

    public ConditionOutcome Evaluate(JsonElement input, RunMetrics metrics)
    {
        var comparison = _read(metrics).CompareTo(_threshold);
        var holds = _operator switch
        {
            "gt" => comparison > 0,
            "gte" => comparison >= 0,
            "lt" => comparison < 0,
            "lte" => comparison <= 0,
            _ => false,
        };
        return holds ? ConditionOutcome.True : ConditionOutcome.False;
    }
}

/// <summary>Counters of the run so far, as policy rules see them (<c>run_metrics</c>).</summary>
public sealed record RunMetrics(int ToolCalls, int TicketsCreated, int EmailsSent, decimal CostUsd, int StepsExecuted)
{
    public static RunMetrics Empty { get; } = new(0, 0, 0, 0m, 0);
}
