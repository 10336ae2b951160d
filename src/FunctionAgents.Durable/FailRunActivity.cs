using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Engine;
using Microsoft.DurableTask;

namespace FunctionAgents.Durable;

/// <summary>Ends a run whose orchestration threw with RunFailed and the reason (nothing when it already ended); returns its status.</summary>
public sealed class FailRunActivity : TaskActivity<FailRunRequest, RunStatus>
{
    private readonly StepRunner _runner;

    public FailRunActivity(StepRunner runner) => _runner = runner;

    /// <inheritdoc />
    public override Task<RunStatus> RunAsync(TaskActivityContext context, FailRunRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _runner.FailAsync(input.RunId, input.Reason);
    }
}
