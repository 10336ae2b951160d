using FunctionAgents.Domain.Engine;
using FunctionAgents.Runtime.Engine;
using Microsoft.DurableTask;

namespace FunctionAgents.Durable;

/// <summary>The orchestrator's refresh: every event after a Seq (at the start and after each wait).</summary>
public sealed class ReadRunActivity : TaskActivity<ReadRunRequest, StepResult>
{
    private readonly StepRunner _runner;

    public ReadRunActivity(StepRunner runner) => _runner = runner;

    /// <inheritdoc />
    public override Task<StepResult> RunAsync(TaskActivityContext context, ReadRunRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _runner.ReadAsync(input.RunId, input.AfterSeq);
    }
}
