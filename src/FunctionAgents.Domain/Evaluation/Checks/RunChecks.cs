using System.Globalization;
using FunctionAgents.Domain.Forensics.Invariants;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Domain.Evaluation.Checks;

/// <summary>
/// The deterministic checks of a finished run, no model needed. Each reads the run's folded state (and a case's labels
/// where it needs them) and returns a <see cref="CheckOutcome"/>; the IEvaluator adapters in the runtime wrap them.
/// </summary>
public static class RunChecks
{
    /// <summary>
    /// Tool-call accuracy: the executed tools against the expected ones, order-aware: the longest common subsequence of
    /// both lists over the longer list's length, so a missing, extra or swapped call each costs a point.
    /// </summary>
    public static CheckOutcome ToolCalls(RunState state, IReadOnlyList<string>? expected)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (expected is null)
        {
            return CheckOutcome.NotRun("the case names no expected tools");
        }

        var actual = ExecutedTools(state);
        var longest = Math.Max(actual.Count, expected.Count);
        if (longest == 0)
        {
            return CheckOutcome.Pass("no tool expected, none executed");
        }

        var score = (double)CommonSubsequence(expected, actual) / longest;
        return CheckOutcome.Of(
            score,
            score >= 1
                ? $"executed {Join(actual)} as expected"
                : $"expected {Join(expected)}, executed {Join(actual)}");
    }

    /// <summary>Answer facts: every required fact in the final answer (case-insensitive), no forbidden text in it.</summary>
    public static CheckOutcome Facts(RunState state, IReadOnlyList<string> facts, IReadOnlyList<string> forbidden)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(forbidden);
        if (facts.Count == 0 && forbidden.Count == 0)
        {
            return CheckOutcome.NotRun("the case names no facts");
        }

        var answer = state.Response ?? string.Empty;
        var present = forbidden.Where(f => answer.Contains(f, StringComparison.OrdinalIgnoreCase)).ToList();
        var missing = facts.Where(f => !answer.Contains(f, StringComparison.OrdinalIgnoreCase)).ToList();
        if (present.Count > 0)
        {
            return CheckOutcome.Fail(0, $"the answer contains forbidden {Quote(present)}");
        }

        if (facts.Count == 0)
        {
            return CheckOutcome.Pass("no forbidden text in the answer");
        }

        var score = (double)(facts.Count - missing.Count) / facts.Count;
        return CheckOutcome.Of(score, missing.Count == 0 ? $"all {facts.Count} facts in the answer" : $"the answer lacks {Quote(missing)}");
    }

    /// <summary>Citation groundedness; see <see cref="Grounding"/>.</summary>
    public static CheckOutcome Citations(RunState state) => Grounding.Check(state);

    /// <summary>Policy adherence: no tool executed without a policy allow or a human approval.</summary>
    public static CheckOutcome Policy(RunState state) => FromInvariant(new EveryExecutedToolApprovedInvariant().Check(state), "every executed tool call was allowed or approved");

    /// <summary>Personal data: the answer holds no one's personal data but the run's own subject's (the no-pii-in-response invariant).</summary>
    public static CheckOutcome PersonalData(RunState state, IEnumerable<string>? allowedEmailDomains) =>
        FromInvariant(new NoPiiInResponseInvariant(allowedEmailDomains).Check(state), "no personal data of anyone but the run's subject in the answer");

    /// <summary>Cost: 1 within the run's budget, else budget / cost.</summary>
    public static CheckOutcome Cost(RunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var text = string.Create(CultureInfo.InvariantCulture, $"{state.CostUsd:0.####} USD of a {state.BudgetUsd:0.####} USD budget");
        return state.CostUsd <= state.BudgetUsd || state.CostUsd == 0
            ? CheckOutcome.Pass(text)
            : CheckOutcome.Fail((double)(state.BudgetUsd / state.CostUsd), text);
    }

    /// <summary>Latency: 1 when the run finished within its deadline, else allowed time / time taken.</summary>
    public static CheckOutcome Latency(RunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.StartedAt is not { } started || state.FinishedAt is not { } finished)
        {
            return CheckOutcome.NotRun("the run has not finished");
        }

        var taken = finished - started;
        var allowed = state.Deadline - started;
        var text = string.Create(CultureInfo.InvariantCulture, $"{taken.TotalSeconds:0.###} s of {allowed.TotalSeconds:0.###} s allowed");
        return taken <= allowed || taken <= TimeSpan.Zero
            ? CheckOutcome.Pass(text)
            : CheckOutcome.Fail(allowed.TotalSeconds / taken.TotalSeconds, text);
    }

    /// <summary>Status: the run ended as the case expects.</summary>
    public static CheckOutcome Status(RunState state, string? expected)
    {
        ArgumentNullException.ThrowIfNull(state);
        var actual = RunStatusNames.ToName(state.Status);
        return expected is null
            ? CheckOutcome.NotRun($"the case expects no status (the run ended {actual})")
            : string.Equals(actual, expected, StringComparison.Ordinal)
                ? CheckOutcome.Pass($"ended {actual}")
                : CheckOutcome.Fail(0, $"expected {expected}, ended {actual}{(state.FailureReason is { } why ? $": {why}" : string.Empty)}");
    }

    /// <summary>The tools the run executed, in plan order (the engine runs steps one at a time, in order).</summary>
    public static List<string> ExecutedTools(RunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Steps.Where(s => s.DispatchId is not null).Select(s => s.Tool).ToList();
    }

    private static CheckOutcome FromInvariant(InvariantResult result, string passed) =>
        result.Holds ? CheckOutcome.Pass(passed) : CheckOutcome.Fail(0, result.Violation ?? "violated");

    private static int CommonSubsequence(IReadOnlyList<string> a, List<string> b)
    {
        var row = new int[b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            var diagonal = 0;
            for (var j = 1; j <= b.Count; j++)
            {
                var above = row[j];
                row[j] = string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal) ? diagonal + 1 : Math.Max(row[j], row[j - 1]);
                diagonal = above;
            }
        }

        return row[b.Count];
    }

    private static string Join(IReadOnlyList<string> tools) => tools.Count == 0 ? "no tools" : string.Join(" > ", tools);

    private static string Quote(IEnumerable<string> texts) => string.Join(", ", texts.Select(t => $"\"{t}\""));
}
