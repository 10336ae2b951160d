using FunctionAgents.Azure.Journal;
using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Journal;

namespace FunctionAgents.Benchmarks;

/// <summary>
/// The Table journal spread over several tables by run id, for the replay benchmark only: Azurite's table store slows as a table grows (it
/// appears to scan the whole in-memory table per partition query; measured: reads slowed from 73 to under 17 runs/s as a corpus grew
/// from 2,000 to 10,000 runs), a cost Azure Tables, which indexes by partition, does not have. Every run still lives in one
/// partition of one <see cref="TableEventJournal"/>; raw reads and replays go through the same shards.
/// </summary>
internal sealed class ShardedJournal(IReadOnlyList<TableEventJournal> shards) : IEventJournal
{
    public static async Task<ShardedJournal> CreateAsync(Func<string, TableEventJournal> create, int count, CancellationToken cancellationToken)
    {
        var shards = Enumerable.Range(0, count).Select(i => create($"ReplayBenchEvents{i}")).ToList();
        foreach (var shard in shards)
        {
            await shard.CreateTableIfNotExistsAsync(cancellationToken);
        }

        return new ShardedJournal(shards);
    }

    public Task AppendAsync(string runId, long expectedNextSeq, IReadOnlyList<RunEvent> events, CancellationToken cancellationToken = default) =>
        For(runId).AppendAsync(runId, expectedNextSeq, events, cancellationToken);

    public IAsyncEnumerable<RunEvent> ReadAsync(string runId, long fromSeq = 1, long toSeq = long.MaxValue, CancellationToken cancellationToken = default) =>
        For(runId).ReadAsync(runId, fromSeq, toSeq, cancellationToken);

    public Task<ChainVerification> VerifyChainAsync(string runId, CancellationToken cancellationToken = default) =>
        For(runId).VerifyChainAsync(runId, cancellationToken);

    /// <summary>A stable shard per run id (FNV-1a, not string.GetHashCode, which changes between processes).</summary>
    private TableEventJournal For(string runId)
    {
        var hash = 2166136261u;
        foreach (var c in runId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return shards[(int)(hash % (uint)shards.Count)];
    }
}
