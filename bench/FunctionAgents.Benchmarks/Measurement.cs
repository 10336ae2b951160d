using System.Diagnostics;

namespace FunctionAgents.Benchmarks;

/// <summary>
/// A fixed number of operations spread over a bounded number of workers, timed with a Stopwatch after a
/// warm-up. Each worker takes the next operation index until none is left.
/// </summary>
internal static class Measurement
{
    /// <summary>Runs <paramref name="operation"/> for indexes 0..count-1 with at most <paramref name="concurrency"/> in flight; returns the elapsed time.</summary>
    public static async Task<TimeSpan> RunAsync(int count, int concurrency, Func<int, int, Task> operation)
    {
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                await operation(worker, index);
            }
        });
        await Task.WhenAll(workers);
        return stopwatch.Elapsed;
    }

    public static double PerSecond(long items, TimeSpan elapsed) => items / elapsed.TotalSeconds;
}
