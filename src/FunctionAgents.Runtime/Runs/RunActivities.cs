using FunctionAgents.Domain.Costs;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Responses;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Memory;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Runtime.Runs;

/// <summary>
/// The only run code with side effects: each method performs one <see cref="RunStep"/> and returns the
/// drafts it produced, to be appended in one atomic batch at the state's next Seq. Both the journal engine
/// and the Durable Functions activities call these.
/// </summary>
public sealed partial class RunActivities
{
    private readonly IPlanner _planner;
    private readonly IResponseBuilder _responseBuilder;
    private readonly IToolCatalog _tools;
    private readonly IToolRunner _toolRunner;
    private readonly IPolicyEvaluator _policy;
    private readonly TimeProvider _clock;
    private readonly PriceTable _prices;
    private readonly IRunMemory? _memory;

    public RunActivities(
        IPlanner planner,
        IResponseBuilder responseBuilder,
        IToolCatalog tools,
        IToolRunner toolRunner,
        IPolicyEvaluator policy,
        TimeProvider clock,
        PriceTable? prices = null,
        IRunMemory? memory = null)
    {
        _memory = memory;
        _prices = prices ?? PriceTable.Uniform(new ModelPrice(0m, 0m));
        _planner = planner;
        _responseBuilder = responseBuilder;
        _tools = tools;
        _toolRunner = toolRunner;
        _policy = policy;
        _clock = clock;
    }

    /// <summary>Runs <paramref name="step"/> against <paramref name="state"/>; <see cref="RunStep.Idle"/> and <see cref="RunStep.AwaitApproval"/> produce nothing.</summary>
    public Task<IReadOnlyList<EventDraft>> PerformAsync(RunState state, RunStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(step);
        return step switch
        {
            RunStep.Plan => PlanAsync(state, cancellationToken),
            RunStep.CheckPolicy s => Task.FromResult(CheckPolicy(state, s.StepId)),
            RunStep.ExpireApproval s => Task.FromResult(ExpireApproval(state, s.StepId)),
            RunStep.ExecuteTool s => ExecuteToolAsync(state, s.StepId, cancellationToken),
            RunStep.Synthesize => SynthesizeAsync(state, cancellationToken),
            RunStep.Finish s => Task.FromResult(Finish(state, s)),
            _ => Task.FromResult<IReadOnlyList<EventDraft>>([]),
        };
    }

    private static StepState RequireStep(RunState state, string stepId) =>
        state.FindStep(stepId) ?? throw new InvalidOperationException($"Run {state.RunId} has no step '{stepId}'.");
}
