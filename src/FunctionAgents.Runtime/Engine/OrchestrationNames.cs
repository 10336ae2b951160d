using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Engine;

/// <summary>Names of the run orchestrator and its activities: one activity per step kind.</summary>
public static class OrchestrationNames
{
    public const string Orchestrator = "AgentRunOrchestrator";

    /// <summary>Reads every event after a Seq (the orchestrator's refresh after it waited).</summary>
    public const string ReadRun = "ReadRunActivity";

    /// <summary>Ends a run whose orchestration threw with RunFailed and the reason.</summary>
    public const string FailRun = "FailRunActivity";

    public const string Plan = "PlanActivity";
    public const string CheckPolicy = "CheckPolicyActivity";
    public const string ExpireApproval = "ExpireApprovalActivity";
    public const string ExecuteTool = "ExecuteToolActivity";
    public const string Synthesize = "SynthesizeActivity";
    public const string Finish = "FinishActivity";

    /// <summary>The activity that performs a <see cref="RunStep"/> of <paramref name="kind"/>.</summary>
    public static string ActivityFor(string kind) => kind switch
    {
        "Plan" => Plan,
        "CheckPolicy" => CheckPolicy,
        "ExpireApproval" => ExpireApproval,
        "ExecuteTool" => ExecuteTool,
        "Synthesize" => Synthesize,
        "Finish" => Finish,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No activity performs this step kind."),
    };
}
