using System.Text.Json.Serialization;
using FunctionAgents.Domain.Costs;
using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Responses;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Domain.Evaluation.Replay;

/// <summary>
/// What a replay runs for real: plan validation against <see cref="Tools"/>, the policy guard with <see cref="Policy"/>,
/// the response checks, costs with <see cref="Prices"/>. Replaying a run with the configuration it ran under
/// reproduces its events; a candidate policy, planner or response builder shows what would change.
/// </summary>
/// <param name="Tools">The tool registry plans are validated against (tools are never executed by a replay).</param>
/// <param name="Policy">The policy the guard evaluates: the current one, or a candidate.</param>
/// <param name="Prices">Model prices; null prices every call at zero, as the runtime does without a table.</param>
/// <param name="CandidatePlanner">In <see cref="ReplayMode.Live"/>, the planner that re-plans; required there.</param>
/// <param name="CandidateResponseBuilder">In <see cref="ReplayMode.Live"/>, the builder that re-answers; required there.</param>
/// <param name="CandidatePromptVersion">The prompt version the candidate planner uses, recorded in reports.</param>
/// <param name="CandidatePolicy">True when <paramref name="Policy"/> is a candidate, not the policy the runs ran under.</param>
public sealed record ReplayConfiguration(
    IToolCatalog Tools,
    IPolicyEvaluator Policy,
    PriceTable? Prices = null,
    ReplayMode Mode = ReplayMode.Recorded,
    IPlanner? CandidatePlanner = null,
    IResponseBuilder? CandidateResponseBuilder = null,
    string? CandidatePromptVersion = null,
    bool CandidatePolicy = false)
{
    /// <summary>True when anything but the recorded configuration is replayed: a candidate policy or live mode.</summary>
    public bool IsCandidate => CandidatePolicy || Mode == ReplayMode.Live;

    /// <summary>Throws <see cref="ArgumentException"/> when live mode lacks its planner or builder.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Tools);
        ArgumentNullException.ThrowIfNull(Policy);
        if (Mode == ReplayMode.Live && (CandidatePlanner is null || CandidateResponseBuilder is null))
        {
            throw new ArgumentException("Live replay needs a candidate planner and a candidate response builder.", nameof(Mode));
        }
    }
}

/// <summary>Where a replay takes model outputs from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReplayMode>))]
public enum ReplayMode
{
    /// <summary>The journal's recorded plans, answers and tool observations; deterministic, no network. The default.</summary>
    [JsonStringEnumMemberName("recorded")]
    Recorded,

    /// <summary>A candidate planner and response builder are called; tool calls reuse matching recorded observations.</summary>
    [JsonStringEnumMemberName("live")]
    Live,
}
