namespace FunctionAgents.Runtime.Telemetry;

/// <summary>The names of the spans FunctionAgents starts (see docs/telemetry.md).</summary>
public static class SpanNames
{
    /// <summary>A run was accepted; every later span of the run descends from it.</summary>
    public const string Run = "fa.run";

    /// <summary>Prefix of a step span; the step kind follows (<c>fa.step.plan</c>, <c>fa.step.policy</c>, …).</summary>
    public const string StepPrefix = "fa.step.";

    /// <summary>A human decision (or timeout) ending a wait for approval; it covers the whole wait.</summary>
    public const string ApprovalWait = "fa.step.approval_wait";

    /// <summary>A model call: the gen_ai span Microsoft.Extensions.AI's OpenTelemetry client starts, named after the GenAI convention's operation (<c>chat {model}</c>).</summary>
    public const string ModelCallPrefix = "chat ";

    /// <summary>A tool call, named after the tool (<c>execute_tool {tool}</c>).</summary>
    public const string ToolCallPrefix = "execute_tool ";

    /// <summary>One atomic append to the journal.</summary>
    public const string JournalAppend = "fa.journal.append";

    /// <summary>A command a person or a pipeline runs (approve, reject, cancel).</summary>
    public const string CommandPrefix = "fa.command.";

    /// <summary>The span name for a step kind as the decider names it.</summary>
    public static string ForStep(string kind) => kind switch
    {
        "Plan" => StepPrefix + "plan",
        "CheckPolicy" => StepPrefix + "policy",
        "ExpireApproval" => ApprovalWait,
        "ExecuteTool" => StepPrefix + "tool",
        "Synthesize" => StepPrefix + "answer",
        "Finish" => StepPrefix + "finish",
        _ => StepPrefix + kind.ToLowerInvariant(),
    };
}
