using FunctionAgents.Core.Events;
using FunctionAgents.Core.Events.Payloads;
using FunctionAgents.Core.Runs;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Core.Engine;

/// <summary>
/// Takes work items from the internal queue and advances their runs. A message stays invisible while
/// its run is worked on (renewed as needed) and is deleted when the run waits or ends; after a crash it
/// reappears and the run resumes from the journal. After <see cref="EngineWorkerOptions.MaxAttempts"/>
/// failed deliveries the run fails with a named reason and the message goes to the poison queue.
/// </summary>
public sealed partial class EngineWorker
{
    private readonly RunEngine _engine;
    private readonly IWorkQueue _queue;
    private readonly RunWriter _writer;
    private readonly EngineWorkerOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    public EngineWorker(RunEngine engine, IWorkQueue queue, RunWriter writer, EngineWorkerOptions options, TimeProvider clock, ILogger<EngineWorker> logger)
    {
        _engine = engine;
        _queue = queue;
        _writer = writer;
        _options = options;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Polls until <paramref name="cancellationToken"/> fires, backing off while the queue is empty.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var idle = TimeSpan.FromMilliseconds(50);
        while (!cancellationToken.IsCancellationRequested)
        {
            int processed;
            try
            {
                processed = await ProcessBatchAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.PollFailed(_logger, ex);
                processed = 0;
            }

            idle = processed > 0 ? TimeSpan.FromMilliseconds(50) : TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, _options.MaxPollInterval.Ticks));
            if (processed == 0)
            {
                try
                {
                    await Task.Delay(idle, _clock, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Receives one batch and works every item in it; returns how many were received.</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        var items = await _queue.ReceiveAsync(_options.BatchSize, _options.VisibilityTimeout, cancellationToken);
        await Task.WhenAll(items.Select(item => ProcessAsync(item, cancellationToken)));
        return items.Count;
    }

    private async Task ProcessAsync(WorkItem item, CancellationToken cancellationToken)
    {
        if (item.DequeueCount > _options.MaxAttempts)
        {
            await GiveUpAsync(item, cancellationToken);
            return;
        }

        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var current = item;
        var renewer = RenewWhileWorkingAsync(() => current, renewed => current = renewed, renewal.Token);
        try
        {
            var outcome = await _engine.AdvanceAsync(item.RunId, cancellationToken);
            await renewal.CancelAsync();
            await renewer;
            await _queue.CompleteAsync(current, cancellationToken);
            Log.Advanced(_logger, item.RunId, outcome);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The message is left to reappear after its visibility timeout: the run resumes from the journal.
            await renewal.CancelAsync();
            await renewer;
            Log.AdvanceFailed(_logger, item.RunId, item.DequeueCount, ex);
        }
    }

    private async Task RenewWhileWorkingAsync(Func<WorkItem> current, Action<WorkItem> renewed, CancellationToken cancellationToken)
    {
        var period = _options.VisibilityTimeout / 3;
        try
        {
            while (true)
            {
                await Task.Delay(period, _clock, cancellationToken);
                renewed(await _queue.RenewAsync(current(), _options.VisibilityTimeout, cancellationToken));
            }
        }
        catch (OperationCanceledException)
        {
            // Work finished; the caller completes the message with the latest pop receipt.
        }
        catch (Exception ex)
        {
            Log.RenewFailed(_logger, current().RunId, ex);
        }
    }

    private async Task GiveUpAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var reason = $"the engine failed to advance run {item.RunId} in {_options.MaxAttempts} attempts";
        await _writer.AppendAsync(
            item.RunId,
            state => state.Status == RunStatus.NotStarted || state.IsFinished
                ? null
                : [new EventDraft(Actors.Orchestrator, new RunFailed(FailureCodes.EngineError, reason, Fallback.For(state, "an internal error kept failing")), state.LastSeq)],
            cancellationToken);
        await _queue.PoisonAsync(item, reason, cancellationToken);
        Log.GaveUp(_logger, item.RunId, item.DequeueCount);
    }
}
