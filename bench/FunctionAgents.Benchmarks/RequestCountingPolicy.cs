using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FunctionAgents.Benchmarks;

/// <summary>
/// Counts and times the HTTP attempts a client makes, retries included, in total and by category: the table, queue or
/// container and the operation ("AgentEvents POST $batch", "AgentRunsByTenant PUT", "AgentAudit POST $batch"). An entity
/// batch goes to the account's <c>$batch</c> endpoint, so its table is read from the batch body (the first sub-request's URL).
/// </summary>
internal sealed class RequestCountingPolicy : HttpPipelinePolicy
{
    private readonly ConcurrentDictionary<string, Tally> _byCategory = new(StringComparer.Ordinal);
    private readonly Lock _busy = new();
    private long _requests;
    private int _inFlight;
    private long _busySince;
    private long _busyTimestamps;

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>
    /// Wall time during which at least one request was waiting for its response: requests that overlap (projections written
    /// concurrently) count once, so this is the time storage kept the caller waiting, unlike the sum of request times.
    /// </summary>
    public TimeSpan Busy
    {
        get
        {
            lock (_busy)
            {
                var open = _inFlight > 0 ? Stopwatch.GetTimestamp() - _busySince : 0;
                return Stopwatch.GetElapsedTime(0, _busyTimestamps + open);
            }
        }
    }

    /// <summary>A copy of the counts by category.</summary>
    public Dictionary<string, long> ByTarget() => _byCategory.ToDictionary(p => p.Key, p => p.Value.Count, StringComparer.Ordinal);

    /// <summary>A copy of the counts and the time spent waiting for the responses (send to response headers read) by category.</summary>
    public Dictionary<string, (long Count, TimeSpan Elapsed)> Snapshot() =>
        _byCategory.ToDictionary(p => p.Key, p => (p.Value.Count, TimeSpan.FromTicks(p.Value.Ticks)), StringComparer.Ordinal);

    /// <summary>What happened between two snapshots, by category (categories with no new request left out).</summary>
    public static Dictionary<string, (long Count, TimeSpan Elapsed)> Difference(
        Dictionary<string, (long Count, TimeSpan Elapsed)> before, Dictionary<string, (long Count, TimeSpan Elapsed)> after)
    {
        var difference = new Dictionary<string, (long Count, TimeSpan Elapsed)>(StringComparer.Ordinal);
        foreach (var (category, (count, elapsed)) in after)
        {
            var (countBefore, elapsedBefore) = before.GetValueOrDefault(category);
            if (count > countBefore)
            {
                difference[category] = (count - countBefore, elapsed - elapsedBefore);
            }
        }

        return difference;
    }

    /// <summary>Adds <paramref name="part"/> into <paramref name="total"/>.</summary>
    public static void Accumulate(Dictionary<string, (long Count, TimeSpan Elapsed)> total, Dictionary<string, (long Count, TimeSpan Elapsed)> part)
    {
        foreach (var (category, (count, elapsed)) in part)
        {
            var (c, e) = total.GetValueOrDefault(category);
            total[category] = (c + count, e + elapsed);
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var (tally, start) = Begin(message);
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            End(tally, start);
        }
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var (tally, start) = Begin(message);
        try
        {
            await ProcessNextAsync(message, pipeline);
        }
        finally
        {
            End(tally, start);
        }
    }

    private (Tally Tally, long Start) Begin(HttpMessage message)
    {
        Interlocked.Increment(ref _requests);
        var tally = _byCategory.GetOrAdd(Category(message.Request), _ => new Tally());
        var start = Stopwatch.GetTimestamp();
        lock (_busy)
        {
            if (_inFlight++ == 0)
            {
                _busySince = start;
            }
        }

        return (tally, start);
    }

    private void End(Tally tally, long start)
    {
        var end = Stopwatch.GetTimestamp();
        tally.Add(end - start);
        lock (_busy)
        {
            if (--_inFlight == 0)
            {
                _busyTimestamps += end - _busySince;
            }
        }
    }

    /// <summary>"target METHOD", plus " $batch" for an entity batch, " query" for a read without an entity key, " create" for a new table.</summary>
    private static string Category(Request request)
    {
        var method = request.Method.ToString();
        var name = Resource(request.Uri.Path);
        if (name == "$batch")
        {
            return $"{BatchTable(request)} {method} $batch";
        }

        if (name == "Tables" && method == "POST")
        {
            return "Tables POST create";
        }

        var paren = name.IndexOf('(', StringComparison.Ordinal);
        var target = paren > 0 ? name[..paren] : name;

        // A point read names its entity's keys; a read of the bare table (or "table()") is a query.
        return method == "GET" && paren >= 0 && !name.Contains("PartitionKey=", StringComparison.Ordinal)
            ? $"{target} GET query"
            : $"{target} {method}";
    }

    /// <summary>The path's resource name: the first segment that is not Azurite's account ("/devstoreaccount1/table(...)").</summary>
    private static string Resource(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var first = segments.Length > 0 && segments[0] == FunctionAgents.Testing.AzuriteProcess.DevelopmentAccountName ? 1 : 0;
        return segments.Length > first ? Uri.UnescapeDataString(segments[first]) : "(account)";
    }

    /// <summary>The table of a batch's first sub-request ("PUT http://host/account/table(PartitionKey=...").</summary>
    private static string BatchTable(Request request)
    {
        if (request.Content is null)
        {
            return "(batch)";
        }

        using var body = new MemoryStream();
        request.Content.WriteTo(body, CancellationToken.None);
        var text = Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)Math.Min(body.Length, 4096));
        foreach (var verb in (ReadOnlySpan<string>)["PUT ", "POST ", "MERGE ", "PATCH ", "DELETE "])
        {
            var at = text.IndexOf("\r\n" + verb + "http", StringComparison.Ordinal);
            if (at < 0)
            {
                at = text.IndexOf("\n" + verb + "http", StringComparison.Ordinal);
            }

            if (at < 0)
            {
                continue;
            }

            var url = text[(text.IndexOf("http", at, StringComparison.Ordinal))..];
            url = url[..url.IndexOf(' ', StringComparison.Ordinal)];
            var table = Resource(new Uri(url).AbsolutePath);
            var paren = table.IndexOf('(', StringComparison.Ordinal);
            return paren > 0 ? table[..paren] : table;
        }

        return "(batch)";
    }

    private sealed class Tally
    {
        private long _count;
        private long _ticks;

        public long Count => Interlocked.Read(ref _count);

        public long Ticks => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks)).Ticks;

        public void Add(long elapsedTimestamp)
        {
            Interlocked.Increment(ref _count);
            Interlocked.Add(ref _ticks, elapsedTimestamp);
        }
    }
}
