// Reference sheet sections 3.2 (ActivityTrigger: the parameter is the activity input), 3.8 (instance activities with
// constructor DI may do I/O).
using FunctionAgents.Domain.Engine;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Engine;
using Microsoft.Azure.Functions.Worker;

namespace FunctionAgents.Functions.Orchestration;

/// <summary>One activity per step kind; each performs its step through the shared <see cref="StepRunner"/>.</summary>
public sealed class RunActivityFunctions
{
    private readonly StepRunner _runner;

    public RunActivityFunctions(StepRunner runner) => _runner = runner;

    [Function(OrchestrationNames.ReadRun)]
    public Task<StepResult> ReadRunAsync([ActivityTrigger] ReadRunRequest request, FunctionContext context) =>
        _runner.ReadAsync(request.RunId, request.AfterSeq, context.CancellationToken);

    [Function(OrchestrationNames.FailRun)]
    public Task<RunStatus> FailRunAsync([ActivityTrigger] FailRunRequest request, FunctionContext context) =>
        _runner.FailAsync(request.RunId, request.Reason, context.CancellationToken);

    [Function(OrchestrationNames.Plan)]
    public Task<StepResult> PlanAsync([ActivityTrigger] StepRequest request, FunctionContext context) =>
        _runner.PerformAsync(request, context.CancellationToken);

    [Function(OrchestrationNames.CheckPolicy)]
    public Task<StepResult> CheckPolicyAsync([ActivityTrigger] StepRequest request, FunctionContext context) =>
        _runner.PerformAsync(request, context.CancellationToken);

    [Function(OrchestrationNames.ExpireApproval)]
    public Task<StepResult> ExpireApprovalAsync([ActivityTrigger] StepRequest request, FunctionContext context) =>
        _runner.PerformAsync(request, context.CancellationToken);

    [Function(OrchestrationNames.ExecuteTool)]
    public Task<StepResult> ExecuteToolAsync([ActivityTrigger] StepRequest request, FunctionContext context) =>
        _runner.PerformAsync(request, context.CancellationToken);

    [Function(OrchestrationNames.Synthesize)]
    public Task<StepResult> SynthesizeAsync([ActivityTrigger] StepRequest request, FunctionContext context) =>
        _runner.PerformAsync(request, context.CancellationToken);

    [Function(OrchestrationNames.Finish)]
    public Task<StepResult> FinishAsync([ActivityTrigger] StepRequest request, FunctionContext context) =>
        _runner.PerformAsync(request, context.CancellationToken);
}
