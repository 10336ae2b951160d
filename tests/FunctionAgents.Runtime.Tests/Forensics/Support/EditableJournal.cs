using System.Runtime.CompilerServices;
using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Journal;

namespace FunctionAgents.Runtime.Tests.Forensics.Support;

/// <summary>A journal whose stored rows a test may edit behind its back, as someone with write access to storage could.</summary>
internal sealed class EditableJournal : IEventJournal
{
    public List<RunEvent> Rows { get; } = [];

    public Task AppendAsync(string runId, long expectedNextSeq, IReadOnlyList<RunEvent> events, CancellationToken cancellationToken = default)
    {
        Rows.AddRange(events);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<RunEvent> ReadAsync(
        string runId, long fromSeq = 1, long toSeq = long.MaxValue, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var e in Rows.Where(r => r.RunId == runId && r.Seq >= fromSeq && r.Seq <= toSeq).OrderBy(r => r.Seq).ToList())
        {
            yield return e;
        }

        await Task.CompletedTask;
    }

    public Task<ChainVerification> VerifyChainAsync(string runId, CancellationToken cancellationToken = default) =>
        ChainVerifier.VerifyAsync(runId, ReadAsync(runId, cancellationToken: cancellationToken), cancellationToken);

    /// <summary>Recomputes every hash from <paramref name="fromIndex"/> on, as a forger covering an edit would.</summary>
    public void Rechain(int fromIndex)
    {
        for (var i = fromIndex; i < Rows.Count; i++)
        {
            var prev = i == 0 ? EventHasher.GenesisHash : Rows[i - 1].Hash;
            var relinked = Rows[i] with { PrevHash = prev };
            Rows[i] = relinked with { Hash = EventHasher.Compute(relinked) };
        }
    }
}
