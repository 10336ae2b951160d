using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Projections;

/// <summary>
/// A read model fed after every append (the engine's, approvals', cancels', starts'). It must be idempotent:
/// after a crash the same events may be projected again, and every projection can be rebuilt from the journal.
/// </summary>
public interface IJournalProjection
{
    Task ProjectAsync(IReadOnlyList<RunEvent> appended, RunState after, CancellationToken cancellationToken = default);
}
