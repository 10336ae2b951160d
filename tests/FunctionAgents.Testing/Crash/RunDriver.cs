using System.Diagnostics;

namespace FunctionAgents.Testing.Crash;

/// <summary>
/// Drives runs on a <see cref="CrashableHost"/> the way a client and a human approver would: starts them (idempotently,
/// so a start lost to a kill is simply sent again), watches the journal table for a Seq, and decides every approval
/// the run waits for. HTTP failures while the host is down or restarting are retried, never fatal.
/// </summary>
public sealed class RunDriver
{
    private static readonly TimeSpan JournalPoll = TimeSpan.FromMilliseconds(15);
    private static readonly TimeSpan StatusPoll = TimeSpan.FromMilliseconds(300);

    private readonly CrashableHost _host;
    private readonly JournalTable _journal;

    public RunDriver(CrashableHost host, JournalTable journal)
    {
        _host = host;
        _journal = journal;
    }

    /// <summary>Starts a run (retrying the same Idempotency-Key until the host answers) and returns its id.</summary>
    public async Task<string> StartAsync(string goal, string idempotencyKey, decimal? budgetUsd, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await RunApi.StartAsync(_host.Client, goal, idempotencyKey, budgetUsd, cancellationToken);
            }
            catch (Exception ex) when (IsHostUnavailable(ex, cancellationToken))
            {
                await Task.Delay(StatusPoll, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Waits until the run's journal holds Seq <paramref name="seq"/> or more, deciding approvals meanwhile with
    /// <paramref name="decisionFor"/>. Returns the last Seq seen, or null when the run finished before reaching it.
    /// Polls the table every 15 ms, so a kill right after the return lands within a few ms of that append.
    /// </summary>
    public async Task<long?> WaitForSeqAsync(
        IReadOnlyDictionary<string, string> decisionFor, string runId, long seq, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decisionFor);
        var clock = Stopwatch.StartNew();
        var lastStatus = TimeSpan.Zero;
        while (true)
        {
            var last = await _journal.LastSeqAsync(runId, cancellationToken);
            if (last >= seq)
            {
                return last;
            }

            if (clock.Elapsed - lastStatus >= StatusPoll)
            {
                lastStatus = clock.Elapsed;
                // Before approving, look again: a run that has just reached the boundary (by asking for the approval) is
                // killed there first, not after the approval let it run on.
                if (await NudgeAsync(runId, decisionFor[runId], async () => await _journal.LastSeqAsync(runId, cancellationToken) < seq, cancellationToken)
                    is { IsFinished: true })
                {
                    // Finished, but the terminal event may have landed between the two reads.
                    return await _journal.LastSeqAsync(runId, cancellationToken) >= seq ? seq : null;
                }
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Run {runId} did not reach Seq {seq} within {timeout.TotalSeconds:0} s (at Seq {last}). Host output:{Environment.NewLine}{_host.OutputTail()}");
            }

            await Task.Delay(JournalPoll, cancellationToken);
        }
    }

    /// <summary>Waits until every run has finished, deciding approvals meanwhile; returns each run's final status.</summary>
    public async Task<IReadOnlyDictionary<string, RunStatus>> WaitUntilFinishedAsync(
        IReadOnlyDictionary<string, string> decisionFor, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decisionFor);
        var clock = Stopwatch.StartNew();
        var finished = new Dictionary<string, RunStatus>(StringComparer.Ordinal);
        while (finished.Count < decisionFor.Count)
        {
            foreach (var (runId, decision) in decisionFor.Where(r => !finished.ContainsKey(r.Key)))
            {
                if (await NudgeAsync(runId, decision, cancellationToken) is { IsFinished: true } status)
                {
                    finished[runId] = status;
                }
            }

            if (finished.Count < decisionFor.Count)
            {
                if (clock.Elapsed > timeout)
                {
                    var stuck = string.Join(", ", decisionFor.Keys.Where(r => !finished.ContainsKey(r)));
                    throw new TimeoutException($"Runs not finished within {timeout.TotalSeconds:0} s: {stuck}. Host output:{Environment.NewLine}{_host.OutputTail()}");
                }

                await Task.Delay(StatusPoll, cancellationToken);
            }
        }

        return finished;
    }

    /// <summary>One look at the run: decides its pending approvals, if any. Null when the host did not answer.</summary>
    public Task<RunStatus?> NudgeAsync(string runId, string decision, CancellationToken cancellationToken) =>
        NudgeAsync(runId, decision, () => Task.FromResult(true), cancellationToken);

    private async Task<RunStatus?> NudgeAsync(string runId, string decision, Func<Task<bool>> mayDecide, CancellationToken cancellationToken)
    {
        try
        {
            var status = await RunApi.GetAsync(_host.Client, runId, cancellationToken);
            if (status.Status == "awaiting_approval" && status.PendingApproveUris.Count > 0 && await mayDecide())
            {
                await RunApi.DecideAsync(_host.Client, status, decision, cancellationToken);
            }

            return status;
        }
        catch (Exception ex) when (IsHostUnavailable(ex, cancellationToken))
        {
            return null;
        }
    }

    // Down, restarting, a request cut by a kill, or an answer other than the expected one while the host recovers:
    // the caller tries again on the next look, and its timeout reports a run that never gets anywhere.
    private static bool IsHostUnavailable(Exception ex, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && ex is HttpRequestException or TaskCanceledException or InvalidOperationException;
}
