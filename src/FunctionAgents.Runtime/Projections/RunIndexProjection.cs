using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Projections;

/// <summary>Keeps the run index row current after every append, whoever wrote it (steps, approvals, cancel, failure).</summary>
public sealed class RunIndexProjection : IJournalProjection
{
    private readonly IRunIndex _index;

    public RunIndexProjection(IRunIndex index) => _index = index;

    /// <inheritdoc />
    public Task ProjectAsync(IReadOnlyList<RunEvent> appended, RunState after, CancellationToken cancellationToken = default) =>
        _index.UpsertAsync(RunSummary.From(after), cancellationToken);
}
