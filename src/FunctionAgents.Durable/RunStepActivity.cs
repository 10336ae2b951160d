using FunctionAgents.Domain.Engine;
using FunctionAgents.Runtime.Engine;
using Microsoft.DurableTask;

namespace FunctionAgents.Durable;

/// <summary>
/// The activity of one step kind (registered once per name in <see cref="OrchestrationNames"/>): performs the step
/// through <see cref="StepRunner"/>, which appends nothing when the journal has moved past the orchestrator's Seq, so a
/// retried activity never duplicates an event or a side effect.
/// </summary>
public sealed class RunStepActivity : TaskActivity<StepRequest, StepResult>
{
    private readonly StepRunner _runner;

    public RunStepActivity(StepRunner runner) => _runner = runner;

    /// <inheritdoc />
    public override Task<StepResult> RunAsync(TaskActivityContext context, StepRequest input) => _runner.PerformAsync(input);
}
