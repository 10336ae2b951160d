namespace FunctionAgents.Domain.Runs;

/// <summary>What the decider says happens next. Activities turn a step into events; nothing else does.</summary>
public abstract record RunStep
{
    /// <summary>The activity name a host binds this step to (one activity per step kind).</summary>
    public abstract string Kind { get; }

    /// <summary>Ask the planner for a plan and validate it.</summary>
    public sealed record Plan : RunStep
    {
        public override string Kind => "Plan";
    }

    /// <summary>Propose a step's tool call (resolving input references) and ask the policy guard.</summary>
    public sealed record CheckPolicy(string StepId) : RunStep
    {
        public override string Kind => "CheckPolicy";
    }

    /// <summary>Nothing to do until a human decides or <paramref name="ExpiresAt"/> passes.</summary>
    public sealed record AwaitApproval(string StepId, DateTimeOffset ExpiresAt) : RunStep
    {
        public override string Kind => "AwaitApproval";
    }

    /// <summary>The approval deadline passed: apply the policy's on_timeout.</summary>
    public sealed record ExpireApproval(string StepId) : RunStep
    {
        public override string Kind => "ExpireApproval";
    }

    /// <summary>Dispatch an approved tool call and capture its observation and cost.</summary>
    public sealed record ExecuteTool(string StepId) : RunStep
    {
        public override string Kind => "ExecuteTool";
    }

    /// <summary>Compose, check and finalize the answer.</summary>
    public sealed record Synthesize : RunStep
    {
        public override string Kind => "Synthesize";
    }

    /// <summary>Append the run's final event.</summary>
    /// <param name="Code">For a failure, the stable reason code.</param>
    public sealed record Finish(RunStatus Status, string? Code, string? Reason) : RunStep
    {
        public override string Kind => "Finish";
    }

    /// <summary>Nothing to do: the run is finished or has not started.</summary>
    public sealed record Idle : RunStep
    {
        public override string Kind => "Idle";
    }
}
