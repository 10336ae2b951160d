using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Journal;

namespace FunctionAgents.Durable.Tests;

/// <summary>A journal whose appends fail while <see cref="FailAppend"/> says so (given the 1-based append count): a crash between a step's side effect and its append.</summary>
internal sealed class FaultyJournal(IEventJournal inner) : IEventJournal
{
    private int _appends;

    public Func<int, bool>? FailAppend { get; set; }

    public Task AppendAsync(string runId, long expectedNextSeq, IReadOnlyList<RunEvent> events, CancellationToken cancellationToken = default)
    {
        var n = Interlocked.Increment(ref _appends);
        if (FailAppend?.Invoke(n) == true)
        {
            throw new IOException($"injected crash before append {n}");
        }

        return inner.AppendAsync(runId, expectedNextSeq, events, cancellationToken);
    }

    public IAsyncEnumerable<RunEvent> ReadAsync(string runId, long fromSeq = 1, long toSeq = long.MaxValue, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(runId, fromSeq, toSeq, cancellationToken);

    public Task<ChainVerification> VerifyChainAsync(string runId, CancellationToken cancellationToken = default) => inner.VerifyChainAsync(runId, cancellationToken);
}
