using System.Globalization;
using Azure.Data.Tables;
using FunctionAgents.Testing;

namespace FunctionAgents.Benchmarks;

internal sealed partial class StorageBenchmark
{
    /// <summary>
    /// Azurite's own ceiling for batches: the bare SDK submitting 10 journal-shaped entities per transaction, as
    /// many transactions as the batched journal measurement makes.
    /// </summary>
    private static async Task<Result> MeasureRawTransactionsAsync(Context context, TableEntity shape, CancellationToken cancellationToken)
    {
        var table = "BenchRawBatch" + UniqueLabel();
        await context.Client.CreateTableIfNotExistsAsync(table, cancellationToken);
        var sdk = context.Client.Table(table);
        var settings = context.Settings;
        var next = new int[settings.Concurrency];
        List<TableTransactionAction> Batch(string prefix, int worker)
        {
            var first = next[worker];
            next[worker] += EventsPerBatch;
            return Enumerable.Range(first, EventsPerBatch)
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, CopyRow(shape, $"{prefix}-{worker}", (i + 1).ToString("D10", CultureInfo.InvariantCulture))))
                .ToList();
        }

        await Measurement.RunAsync(settings.Warmup, settings.Concurrency, (w, _) => sdk.SubmitTransactionAsync(Batch("warm", w), cancellationToken));
        Array.Clear(next);
        var result = await context.MeasureAsync((long)settings.BatchOps * EventsPerBatch, () => Measurement.RunAsync(
            settings.BatchOps, settings.Concurrency, (w, _) => sdk.SubmitTransactionAsync(Batch("raw", w), cancellationToken)));
        await context.Client.DeleteTableAsync(table, cancellationToken);
        return result;
    }

    /// <summary>A new entity with <paramref name="shape"/>'s own properties (not its keys, timestamp or ETag).</summary>
    private static TableEntity CopyRow(TableEntity shape, string partitionKey, string rowKey)
    {
        var row = new TableEntity(partitionKey, rowKey);
        foreach (var (name, value) in shape.CustomProperties())
        {
            row[name] = value;
        }

        return row;
    }
}
