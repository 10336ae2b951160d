using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Privacy;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Runtime.Privacy;

/// <summary>Feeds a projection the masked view of each batch (<see cref="PersonalDataMask"/>), never the plaintext.</summary>
public sealed class MaskingProjection : IJournalProjection
{
    private readonly IJournalProjection _inner;

    public MaskingProjection(IJournalProjection inner) => _inner = inner;

    public Task ProjectAsync(IReadOnlyList<RunEvent> appended, RunState after, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appended);
        return _inner.ProjectAsync([.. appended.Select(PersonalDataMask.Mask)], after, cancellationToken);
    }
}
