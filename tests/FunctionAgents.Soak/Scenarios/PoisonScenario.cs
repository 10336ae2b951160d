using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Storage.Queues;
using FunctionAgents.Azure.Storage;

namespace FunctionAgents.Soak.Scenarios;

/// <summary>
/// Issue 17 scenario 4, against a child host whose storage goes through <see cref="FaultProxy"/>s:
/// (1) malformed and invalid <c>agent-runs</c> messages land in <c>agent-runs-poison</c> on their first delivery with
/// <c>{reason, receivedAt, dequeueCount, message}</c> and start nothing; (2) with a share of storage requests failing
/// (503 before Azurite, 500 after it), runs started over the queue are retried and all complete; (3) during a table
/// outage a valid message is retried and poisoned after the documented 5 deliveries, naming the last error.
/// </summary>
internal sealed partial class PoisonScenario : IScenario
{
    private const string Prefix = "soakpoison";
    private const string OutageGoal = "Outage probe: what is the refund window for opened items?";

    public string Name => "poison";

    public async Task<ScenarioResult> RunAsync(SoakEnvironment environment, bool quick, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var problems = new List<string>();
        await using var blob = new FaultProxy(Endpoint(environment.ConnectionString, "BlobEndpoint"));
        await using var queue = new FaultProxy(Endpoint(environment.ConnectionString, "QueueEndpoint"));
        await using var table = new FaultProxy(Endpoint(environment.ConnectionString, "TableEndpoint"));
        var proxied = Proxied(environment.ConnectionString, ("BlobEndpoint", blob.Port), ("QueueEndpoint", queue.Port), ("TableEndpoint", table.Port));
        await using var host = await LocalHostProcess.StartAsync(proxied, Prefix, cancellationToken);
        using var client = host.Client(LocalHostProcess.AlphaKey);
        var api = new RunApi(client);
        var runs = environment.Queue(Prefix, Azure.Storage.StorageNames.Queues.AgentRuns);
        var poison = environment.Queue(Prefix, Azure.Storage.StorageNames.Queues.Poison(Azure.Storage.StorageNames.Queues.AgentRuns));
        var raw = new QueueClient(environment.ConnectionString, runs.Name);
        await runs.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

        // 1. Messages that can never succeed: poisoned at once.
        var corpus = PoisonCorpus.Generate().ToList();
        foreach (var (_, text, encode) in corpus)
        {
            // The raw client sends text as is, so "not Base64" really is not Base64.
            await raw.SendMessageAsync(encode ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : text, cancellationToken);
        }

        var envelopes = await ReceivePoisonAsync(poison, corpus.Count, TimeSpan.FromSeconds(60), cancellationToken);
        CheckImmediate(corpus, envelopes, problems);
        var strayRuns = (await api.ListAsync(cancellationToken)).Count;
        if (strayRuns > 0)
        {
            problems.Add($"{strayRuns} runs were started by messages that should have been poisoned");
        }

        // 2. Transient faults: valid starts over the queue, a share of storage requests failing, every run completes.
        var count = quick ? 20 : environment.Scaled(200);
        var completed = await RunUnderFaultsAsync(api, runs, (blob, queue, table), count, problems, cancellationToken);

        // 3. A table outage: a valid message keeps failing and is poisoned after 5 deliveries.
        var outage = await OutageAsync(api, runs, poison, table, problems, cancellationToken);

        foreach (var problem in problems.Take(20))
        {
            Console.Error.WriteLine($"  poison: {problem}");
        }

        var detail = problems.Count == 0
            ? $"{corpus.Count} bad messages poisoned on delivery 1 with a reason, 0 runs; {completed}/{count} queue starts completed under " +
              $"{table.Refused + queue.Refused + blob.Refused} refused + {table.Lost + queue.Lost + blob.Lost} lost storage requests; {outage}"
            : $"{problems.Count} problems, e.g. {string.Join("; ", problems.Take(3))}";
        return new ScenarioResult(Name, corpus.Count + count + 1, problems.Count, started.Elapsed, detail);
    }

    /// <summary>Every bad message is in the poison queue once, on its first delivery, with a reason and the message as received.</summary>
    private static void CheckImmediate(List<(string Label, string Text, bool Encode)> corpus, List<JsonElement> envelopes, List<string> problems)
    {
        if (envelopes.Count != corpus.Count)
        {
            problems.Add($"{envelopes.Count} poison messages for {corpus.Count} bad messages");
        }

        foreach (var envelope in envelopes)
        {
            var reason = envelope.TryGetProperty("reason", out var r) ? r.GetString() : null;
            var dequeue = envelope.TryGetProperty("dequeueCount", out var d) ? d.GetInt64() : -1;
            var message = envelope.TryGetProperty("message", out var m) ? m.GetString() : null;
            var received = envelope.TryGetProperty("receivedAt", out var at) && at.TryGetDateTimeOffset(out _);
            var label = corpus.FirstOrDefault(c => c.Text == message || Convert.ToBase64String(Encoding.UTF8.GetBytes(c.Text)) == message).Label ?? "(unknown)";
            if (string.IsNullOrWhiteSpace(reason) || dequeue != 1 || message is null || !received)
            {
                problems.Add($"poison envelope for '{label}': reason '{reason}', dequeueCount {dequeue}, receivedAt {(received ? "ok" : "missing")}");
            }
        }
    }

    private static async Task<List<JsonElement>> ReceivePoisonAsync(QueueClient poison, int expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var envelopes = new List<JsonElement>();
        var until = DateTimeOffset.UtcNow + timeout;
        while (envelopes.Count < expected && DateTimeOffset.UtcNow < until)
        {
            var batch = await poison.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(10), cancellationToken);
            foreach (var message in batch.Value)
            {
                envelopes.Add(JsonDocument.Parse(message.Body.ToString()).RootElement.Clone());
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
            }

            if (batch.Value.Length == 0)
            {
                await Task.Delay(500, cancellationToken);
            }
        }

        return envelopes;
    }

    /// <summary>The root (scheme, host and port) of one service endpoint of the suite's Azurite connection string.</summary>
    private static Uri Endpoint(string connectionString, string name) =>
        new(Regex.Match(connectionString, name + "=(?<url>http://[^/;]+)").Groups["url"].Value + "/");

    private static string Proxied(string connectionString, params (string Name, int Port)[] endpoints)
    {
        foreach (var (name, port) in endpoints)
        {
            connectionString = Regex.Replace(connectionString, name + @"=http://127\.0\.0\.1:\d+", $"{name}=http://127.0.0.1:{port}");
        }

        return connectionString;
    }
}
