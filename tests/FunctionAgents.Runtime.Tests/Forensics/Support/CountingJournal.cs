using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Journal;

namespace FunctionAgents.Runtime.Tests.Forensics.Support;

/// <summary>An in-memory journal that counts reads, so a test can show how often a search touched storage.</summary>
internal sealed class CountingJournal : IEventJournal
{
    private readonly InMemoryEventJournal _inner = new();

    public int Reads { get; private set; }

    public async Task AddRunAsync(IReadOnlyList<RunEvent> events)
    {
        foreach (var batch in events.Chunk(IEventJournal.MaxEventsPerAppend))
        {
            await _inner.AppendAsync(batch[0].RunId, batch[0].Seq, batch);
        }
    }

    public Task AppendAsync(string runId, long expectedNextSeq, IReadOnlyList<RunEvent> events, CancellationToken cancellationToken = default) =>
        _inner.AppendAsync(runId, expectedNextSeq, events, cancellationToken);

    public IAsyncEnumerable<RunEvent> ReadAsync(string runId, long fromSeq = 1, long toSeq = long.MaxValue, CancellationToken cancellationToken = default)
    {
        Reads++;
        return _inner.ReadAsync(runId, fromSeq, toSeq, cancellationToken);
    }

    public Task<ChainVerification> VerifyChainAsync(string runId, CancellationToken cancellationToken = default) =>
        _inner.VerifyChainAsync(runId, cancellationToken);
}
