using FunctionAgents.Domain.Costs;
using FunctionAgents.Domain.Evaluation.Sets;
using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Responses;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Runtime.Evaluation.Sets;

/// <summary>
/// What an evaluation set's cases run with: the same activities the hosts run (planner, response builder, tool catalog
/// and runner, policy, prices), described for the report.
/// </summary>
/// <param name="Description">What the report says ran.</param>
public sealed record SetRunConfiguration(
    IPlanner Planner,
    IResponseBuilder Builder,
    IToolCatalog Tools,
    IToolRunner ToolRunner,
    IPolicyEvaluator Policy,
    SetConfiguration Description,
    PriceTable? Prices = null);
