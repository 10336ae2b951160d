using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Data.Tables;
using FunctionAgents.Azure.Storage;

namespace FunctionAgents.Soak.Scenarios;

/// <summary>
/// Issue 17 scenario 3: N idempotency keys, each started M times, half of the starts over HTTP (Idempotency-Key) and
/// half as <c>agent-runs</c> queue messages, all concurrently. Exactly N runs exist afterwards (GET /api/runs), every
/// key maps to one run, and each run's journal holds exactly one RunStarted.
/// </summary>
internal sealed class IdempotentStartScenario : IScenario
{
    private const string Prefix = "soakidem";
    private const string Goal = "What is the refund window for opened items?";

    public string Name => "idempotent start";

    public async Task<ScenarioResult> RunAsync(SoakEnvironment environment, bool quick, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var (keys, repeats) = quick ? (50, 10) : (1_000, environment.Scaled(100, 2)); // --scale shortens the repeats, never the keys
        await using var host = await environment.StartHostAsync(Prefix, null, cancellationToken);
        using var client = host.Client(LocalHostProcess.AlphaKey);
        var api = new RunApi(client);
        var queue = environment.Queue(Prefix, Azure.Storage.StorageNames.Queues.AgentRuns);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var poison = environment.Queue(Prefix, Azure.Storage.StorageNames.Queues.Poison(Azure.Storage.StorageNames.Queues.AgentRuns));

        // Interleave HTTP and queue starts of every key so both paths race for the same key.
        var httpRuns = new ConcurrentDictionary<string, ConcurrentBag<string>>(StringComparer.Ordinal);
        var problems = new ConcurrentQueue<string>();
        var queueRetries = new StrongBox<int>();
        var attempts = Enumerable.Range(0, keys * repeats).Select(i => (Key: $"soak-key-{i % keys:D5}", OverHttp: i / keys % 2 == 0));
        await Parallel.ForEachAsync(attempts, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (a, ct) =>
        {
            try
            {
                if (a.OverHttp)
                {
                    var (runId, _) = await api.StartAsync(Goal, ct, idempotencyKey: a.Key);
                    httpRuns.GetOrAdd(a.Key, _ => []).Add(runId);
                }
                else
                {
                    await SendAsync(queue, JsonSerializer.Serialize(new { tenant = "alpha", goal = Goal, idempotencyKey = a.Key }), queueRetries, ct);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or global::Azure.RequestFailedException)
            {
                problems.Enqueue($"{a.Key}: {ex.Message}");
            }
        });

        await DrainAsync(queue, quick ? TimeSpan.FromMinutes(2) : TimeSpan.FromMinutes(15), cancellationToken);
        var poisoned = (await poison.ExistsAsync(cancellationToken)).Value
            ? (await poison.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount
            : 0;
        if (poisoned > 0)
        {
            problems.Enqueue($"{poisoned} start messages were poisoned");
        }

        foreach (var (key, ids) in httpRuns)
        {
            if (ids.Distinct(StringComparer.Ordinal).Count() != 1)
            {
                problems.Enqueue($"{key}: HTTP answered {ids.Distinct(StringComparer.Ordinal).Count()} different run ids");
            }
        }

        var runs = (await api.ListAsync(cancellationToken)).Select(r => (string)r["runId"]!).ToList();
        if (runs.Count != keys)
        {
            problems.Enqueue($"{runs.Count} runs for {keys} keys");
        }

        var runStarted = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(runs, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (runId, ct) =>
        {
            var count = (await api.EventsAsync(runId, ct)).Count(e => e.Type == "RunStarted");
            runStarted[runId] = count;
            if (count != 1)
            {
                problems.Enqueue($"{runId}: {count} RunStarted events");
                await environment.DumpRunAsync(Name, Prefix, runId, $"{count} RunStarted events", ct);
            }
        });

        var instances = await CountInstancesAsync(environment, runs, cancellationToken);
        if (instances is { } count && count != keys)
        {
            problems.Enqueue($"{count} Durable instances for {keys} keys");
        }

        foreach (var problem in problems.Take(20))
        {
            Console.Error.WriteLine($"  idempotent start: {problem}");
        }

        var retries = $"{api.StartRetries} HTTP and {queueRetries.Value} queue starts retried with the same key/message";
        var instanceText = instances is { } n ? $"{n} Durable instances" : "no task hub Instances table (instances not counted)";
        var detail = problems.IsEmpty
            ? $"{keys} keys x {repeats} starts (half HTTP, half queue): {runs.Count} runs, each with 1 RunStarted; {instanceText}; {retries}"
            : $"{problems.Count} problems, e.g. {string.Join("; ", problems.Take(3))}; {retries}";
        return new ScenarioResult(Name, (long)keys * repeats, problems.Count, started.Elapsed, detail);
    }

    /// <summary>
    /// Sends a start message; a send that timed out, lost its connection or got a 5xx/429 is sent again, the same message,
    /// up to <see cref="RunApi.MaxStartAttempts"/> times (a duplicate message is what the idempotency key is for).
    /// </summary>
    private static async Task SendAsync(global::Azure.Storage.Queues.QueueClient queue, string message, StrongBox<int> retries, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await queue.SendMessageAsync(message, cancellationToken);
                return;
            }
            catch (Exception ex) when (attempt < RunApi.MaxStartAttempts && !cancellationToken.IsCancellationRequested &&
                (ex is HttpRequestException or TaskCanceledException || ex is global::Azure.RequestFailedException { Status: 0 or 429 or >= 500 }))
            {
                Interlocked.Increment(ref retries.Value);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(8, 1 << (attempt - 1))), cancellationToken);
            }
        }
    }

    /// <summary>Waits until the host has taken every start message off the queue.</summary>
    private static async Task DrainAsync(global::Azure.Storage.Queues.QueueClient queue, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < until)
        {
            var properties = await queue.GetPropertiesAsync(cancellationToken);
            if (properties.Value.ApproximateMessagesCount == 0)
            {
                // Received but not yet deleted messages are invisible, not counted: give them time to finish.
                await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
                if ((await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount == 0)
                {
                    return;
                }
            }

            await Task.Delay(500, cancellationToken);
        }

        throw new TimeoutException($"The host did not drain {queue.Name} within {timeout}.");
    }

    /// <summary>
    /// Counts the runs that have a Durable orchestration instance, from the task hub's Instances table (DurableTask.AzureStorage:
    /// PartitionKey = instance id) when one exists in the account; null when none does (the journal engine has no task hub).
    /// </summary>
    private static async Task<int?> CountInstancesAsync(SoakEnvironment environment, List<string> runs, CancellationToken cancellationToken)
    {
        var service = environment.Tables();
        var tables = new List<string>();
        await foreach (var table in service.QueryAsync(cancellationToken: cancellationToken))
        {
            if (table.Name.EndsWith("Instances", StringComparison.Ordinal))
            {
                tables.Add(table.Name);
            }
        }

        if (tables.Count == 0)
        {
            return null;
        }

        var wanted = runs.ToHashSet(StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in tables)
        {
            var client = service.GetTableClient(name);
            await foreach (var row in client.QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: cancellationToken))
            {
                if (wanted.Contains(row.PartitionKey))
                {
                    found.Add(row.PartitionKey);
                }
            }
        }

        return found.Count;
    }
}
