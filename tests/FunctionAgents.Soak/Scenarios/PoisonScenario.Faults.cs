using System.Diagnostics;
using System.Text.Json;
using Azure.Storage.Queues;
using FunctionAgents.Azure.Runs;
using FunctionAgents.Azure.Storage;

namespace FunctionAgents.Soak.Scenarios;

internal sealed partial class PoisonScenario
{
    private const string Goal = "What is the refund window for opened items?";

    /// <summary>
    /// Starts <paramref name="count"/> runs over the queue while 15% of storage requests are refused and 5% lose their
    /// answer; waits for them with the faults on, then checks with the faults off: every run completed, once.
    /// </summary>
    private static async Task<int> RunUnderFaultsAsync(
        RunApi api, QueueClient runs, (FaultProxy Blob, FaultProxy Queue, FaultProxy Table) proxies, int count, List<string> problems, CancellationToken cancellationToken)
    {
        FaultProxy[] all = [proxies.Blob, proxies.Queue, proxies.Table];
        foreach (var proxy in all)
        {
            proxy.RefuseRate = 0.15;
            proxy.LoseRate = 0.05;
        }

        for (var i = 0; i < count; i++)
        {
            await runs.SendMessageAsync(JsonSerializer.Serialize(new { tenant = "alpha", goal = Goal, idempotencyKey = $"faults-{i:D4}" }), cancellationToken);
        }

        // With the faults on, runs finish at their own pace; this phase only bounds the test, it decides nothing.
        await WaitUntilAllFinishedAsync(api, count, TimeSpan.FromSeconds(60 + (count * 3)), cancellationToken);
        foreach (var proxy in all)
        {
            proxy.RefuseRate = 0;
            proxy.LoseRate = 0;
        }

        // Once the faults stop, the runs still open must keep settling: the wait ends as soon as every keyed start has a
        // run in a final status, and fails (naming what is open) only when SettleBound passes without one more run
        // settling. A fixed window failed a full run whose backlog was merely slow (200 runs on a loaded machine: 127
        // still queued, all progressing, 80 s after the faults stopped); a stuck run still fails within one bound.
        var unsettled = await WaitWhileSettlingAsync(api, count, SettleBound, cancellationToken);
        if (unsettled is not null)
        {
            problems.Add($"no run settled for {SettleBound.TotalSeconds:F0} s after the faults stopped (the bound from the retry and visibility settings): {unsettled}");
        }
        var final = await api.ListAsync(cancellationToken);
        if (final.Count != count)
        {
            problems.Add($"{final.Count} runs for {count} keyed queue starts under faults");
        }

        var completed = 0;
        foreach (var run in final)
        {
            var runId = (string)run["runId"]!;
            var view = await api.GetAsync(runId, cancellationToken);
            var started = (await api.EventsAsync(runId, cancellationToken)).Count(e => e.Type == "RunStarted");
            if ((string?)view?["status"] == "completed" && started == 1)
            {
                completed++;
            }
            else
            {
                problems.Add($"{runId} under faults: {view?["status"]} {view?["failure"]?["code"]}, {started} RunStarted");
            }
        }

        return completed;
    }

    /// <summary>Every table request fails: one valid message must be delivered 5 times and then poisoned with the last error.</summary>
    private static async Task<string> OutageAsync(RunApi api, QueueClient runs, QueueClient poison, FaultProxy table, List<string> problems, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var body = JsonSerializer.Serialize(new { tenant = "alpha", goal = OutageGoal, idempotencyKey = "outage-probe" });
        table.RefuseRate = 1;
        try
        {
            await runs.SendMessageAsync(body, cancellationToken);
            var envelopes = await ReceivePoisonAsync(poison, 1, TimeSpan.FromMinutes(4), cancellationToken);
            if (envelopes.Count != 1)
            {
                problems.Add($"the outage message was not poisoned within 4 minutes ({envelopes.Count} poison messages)");
                return "outage message not poisoned";
            }

            var envelope = envelopes[0];
            var dequeue = envelope.GetProperty("dequeueCount").GetInt64();
            var reason = envelope.GetProperty("reason").GetString() ?? string.Empty;
            if (dequeue != Azure.Storage.StorageNames.Queues.MaxDequeueCount || envelope.GetProperty("message").GetString() != body || reason.Length == 0)
            {
                problems.Add($"outage poison envelope: dequeueCount {dequeue}, reason '{reason}'");
            }

            return $"table outage: a valid message was delivered {dequeue} times and poisoned after {clock.Elapsed.TotalSeconds:F0} s ('{Shorten(reason)}')";
        }
        finally
        {
            table.RefuseRate = 0;
            var stray = (await api.ListAsync(cancellationToken)).Count(r => r["goal"]?.ToString().Contains("Outage probe", StringComparison.Ordinal) ?? false);
            if (stray > 0)
            {
                problems.Add($"the poisoned outage message also started {stray} run(s)");
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 90 ? text : text[..90] + "...";

    /// <summary>
    /// The longest a start can take to settle once storage answers again, from the engine's settings (defaults of the
    /// child host): an intake message whose processing failed reappears after at most the intake's visibility timeout
    /// (<see cref="AgentRunsIntakeOptions.VisibilityTimeout"/>, 30 s; its retry backoff, 1 s doubling, is shorter until the
    /// 5th delivery); a Durable work item whose completion was lost reappears after <c>FA_DURABLE_VISIBILITY_TIMEOUT</c>
    /// (20 s); then the run needs its own remaining steps (two model calls and one search on the scripted model: under
    /// 30 s on the loaded 2-core machine). A run hit by both waits for 30 + 20 + 30 = 80 s.
    /// </summary>
    private static readonly TimeSpan SettleBound =
        new AgentRunsIntakeOptions().VisibilityTimeout + TimeSpan.FromSeconds(20) + TimeSpan.FromSeconds(30);

    /// <summary>
    /// Waits until <paramref name="count"/> runs are listed in a final status (null), as long as each <paramref name="quiet"/>
    /// window sees at least one more run settle; at the first window without progress, what is still open.
    /// </summary>
    private static async Task<string?> WaitWhileSettlingAsync(RunApi api, int count, TimeSpan quiet, CancellationToken cancellationToken)
    {
        var settled = -1;
        var progressed = Stopwatch.StartNew();
        while (true)
        {
            var (open, now) = await WaitUntilAllFinishedAsync(api, count, TimeSpan.FromSeconds(5), cancellationToken);
            if (open is null)
            {
                return null;
            }

            if (now > settled)
            {
                settled = now;
                progressed.Restart();
            }
            else if (progressed.Elapsed >= quiet)
            {
                return open;
            }
        }
    }

    /// <summary>Null once <paramref name="count"/> runs are listed, all in a final status; else, at the timeout, what is still open.</summary>
    private static async Task<(string? Text, int Settled)> WaitUntilAllFinishedAsync(
        RunApi api, int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        var open = "no answer from the host";
        var settled = 0;
        while (DateTimeOffset.UtcNow < until)
        {
            try
            {
                var listed = await api.ListAsync(cancellationToken);
                var running = listed.Where(r => (string?)r["status"] is not ("completed" or "failed" or "cancelled")).ToList();
                settled = listed.Count - running.Count;
                if (listed.Count >= count && running.Count == 0)
                {
                    return (null, settled);
                }

                open = $"{listed.Count} of {count} runs listed, {running.Count} not final" +
                    (running.Count == 0 ? string.Empty : $" (e.g. {string.Join(", ", running.Take(3).Select(r => $"{r["runId"]} {r["status"]}"))})");
            }
            catch (HttpRequestException)
            {
                // The host's own storage calls failed through the proxy too; ask again.
            }

            await Task.Delay(1_000, cancellationToken);
        }

        return (open, settled);
    }
}
