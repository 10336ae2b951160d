using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Memory;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Memory;

/// <summary>
/// Recalls the tenant's long-term memory for a run that asked for it and may have it: its scope is <c>long_term</c>,
/// its tenant opted in, and the policy allows <see cref="MemoryTools.Read"/>. Each retrieved item names its source
/// (run and Seq) and the goal words it matched; a run that asked for more than it may have gets the reason journaled.
/// </summary>
public sealed class RunMemory : IRunMemory
{
    private readonly IMemoryStore _store;
    private readonly MemoryOptions _options;
    private readonly IPolicyEvaluator _policy;
    private readonly TimeProvider _clock;

    public RunMemory(IMemoryStore store, MemoryOptions options, IPolicyEvaluator policy, TimeProvider clock)
    {
        _store = store;
        _options = options;
        _policy = policy;
        _clock = clock;
    }

    public async Task<MemoryRetrieved?> RecallAsync(RunState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var (scope, reason) = MemoryScopes.Effective(state.TenantId, state.Metadata, _options);
        if (scope != MemoryScope.LongTerm)
        {
            return reason is null ? null : new MemoryRetrieved(state.Goal, [], ["not retrieved: " + reason]);
        }

        var decision = MemoryTools.Decide(_policy, MemoryTools.Read, state);
        if (decision.Action != PolicyAction.Allow)
        {
            return new MemoryRetrieved(state.Goal, [], [$"not retrieved: policy {PolicyActionText.ToText(decision.Action)} ({decision.Reason}, policy {decision.PolicyVersion})"]);
        }

        var live = await _store.ListLiveAsync(state.TenantId, _clock.GetUtcNow(), cancellationToken);
        var ranked = MemoryRanker.Rank(state.Goal, live, _options.MaxItems);
        return new MemoryRetrieved(
            state.Goal,
            [.. ranked.Select(r => r.Entry.Text)],
            [.. ranked.Select(r => $"{r.Entry.SourceRunId}:{r.Entry.SourceSeq} ({r.Entry.Kind}; matched {string.Join(", ", r.Matched)})")]);
    }
}
