using System.Runtime.CompilerServices;
using FunctionAgents.Domain.Events;

namespace FunctionAgents.Runtime.Journal;

/// <summary>
/// A process-local journal with the same append semantics as the Table Storage one: for replay,
/// pure-logic tests and tools that fold exported journals. Not durable.
/// </summary>
public sealed class InMemoryEventJournal : IEventJournal
{
    private readonly Dictionary<string, List<RunEvent>> _runs = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task AppendAsync(string runId, long expectedNextSeq, IReadOnlyList<RunEvent> events, CancellationToken cancellationToken = default)
    {
        AppendValidation.Check(runId, expectedNextSeq, events);
        lock (_gate)
        {
            if (!_runs.TryGetValue(runId, out var stored))
            {
                stored = [];
                _runs[runId] = stored;
            }

            var existing = stored.Count - (expectedNextSeq - 1);
            if (existing > 0)
            {
                for (var i = 0; i < events.Count && i < existing; i++)
                {
                    var taken = stored[(int)(expectedNextSeq - 1 + i)];
                    if (!string.Equals(taken.Hash, events[i].Hash, StringComparison.Ordinal))
                    {
                        throw new JournalConflictException(runId, taken.Seq);
                    }
                }

                if (existing >= events.Count)
                {
                    return Task.CompletedTask;
                }

                throw new JournalConflictException(runId, expectedNextSeq + existing);
            }

            if (existing < 0)
            {
                throw new ArgumentException(
                    $"Run {runId} has {stored.Count} events; an append at Seq {expectedNextSeq} would leave a gap.", nameof(expectedNextSeq));
            }

            stored.AddRange(events);
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<RunEvent> ReadAsync(
        string runId, long fromSeq = 1, long toSeq = long.MaxValue, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        RunEvent[] snapshot;
        lock (_gate)
        {
            snapshot = _runs.TryGetValue(runId, out var stored)
                ? stored.Where(e => e.Seq >= fromSeq && e.Seq <= toSeq).ToArray()
                : [];
        }

        foreach (var e in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }

        await Task.CompletedTask;
    }

    public Task<ChainVerification> VerifyChainAsync(string runId, CancellationToken cancellationToken = default) =>
        ChainVerifier.VerifyAsync(runId, ReadAsync(runId, cancellationToken: cancellationToken), cancellationToken);

    /// <summary>The ids of every run held, for tools that scan an exported journal.</summary>
    public IReadOnlyList<string> RunIds()
    {
        lock (_gate)
        {
            return [.. _runs.Keys];
        }
    }
}
