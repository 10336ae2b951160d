using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using FunctionAgents.Runtime.Engine;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Durable.AzureStorage;

/// <summary>
/// The run orchestrator on DurableTask.Core with the Azure Storage provider (the backend Durable Functions uses by
/// default): the same <see cref="AgentRunOrchestration"/> and activities as Durable Functions and the tests, wrapped by
/// <see cref="DurableTaskShimFactory"/> and registered on a <see cref="TaskHubWorker"/>; a <see cref="TaskHubClient"/>
/// schedules instances (instance id = RunId) and raises events. Never waits with WaitForOrchestrationAsync (it polls
/// every 2 s): callers poll <see cref="GetStatusAsync"/> or the journal.
/// </summary>
public sealed partial class LocalTaskHub : IAsyncDisposable
{
    private readonly AzureStorageOrchestrationService _service;
    private readonly ILogger _logger;
    private readonly TaskHubWorker _worker;
    private readonly TaskHubClient _client;
    private int _running;
    private int _disposed;

    /// <param name="orchestrator">Optional factory of the orchestrator (tests shorten its retry policy).</param>
    /// <param name="activity">Optional decorator of a step activity (fault injection).</param>
    public LocalTaskHub(
        LocalTaskHubOptions options,
        StepRunner runner,
        ILoggerFactory loggerFactory,
        Func<ITaskOrchestrator>? orchestrator = null,
        Func<string, ITaskActivity, ITaskActivity>? activity = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(runner);
        Options = options;
        _logger = loggerFactory.CreateLogger<LocalTaskHub>();
        if (options.PartitionCount is < 1 or > LocalTaskHubOptions.MaxPartitionCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.PartitionCount, $"PartitionCount must be 1 to {LocalTaskHubOptions.MaxPartitionCount}.");
        }

        _service = new AzureStorageOrchestrationService(
            options.ToServiceSettings(new StorageAccountClientProvider(options.ConnectionString), options.TaskHubName, loggerFactory));

        // One converter (the portable SDK's System.Text.Json default) on both sides: failures carry their details.
        var shims = new DurableTaskShimFactory(
            new DurableTaskWorkerOptions { DataConverter = Microsoft.DurableTask.Converters.JsonDataConverter.Default },
            loggerFactory);
        _worker = new TaskHubWorker(_service, loggerFactory) { ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails };
        var create = orchestrator ?? (() => new AgentRunOrchestration());
        _worker.AddTaskOrchestrations(new NamedCreator<TaskOrchestration>(
            OrchestrationNames.Orchestrator, () => shims.CreateOrchestration(OrchestrationNames.Orchestrator, create(), parent: null)));
        foreach (var (name, task) in RunTasks.Activities(runner, activity))
        {
            _worker.AddTaskActivities(new NamedCreator<TaskActivity>(name, () => shims.CreateActivity(name, task)));
        }
        _client = new TaskHubClient(_service, loggerFactory: loggerFactory);
    }

    public LocalTaskHubOptions Options { get; }

    /// <summary>Creates the hub's tables, queues and leases if missing, then starts polling.</summary>
    /// <exception cref="LocalTaskHubUnavailableException">
    /// The storage account cannot be reached, or the hub exists with another partition count than <see cref="LocalTaskHubOptions.PartitionCount"/>.
    /// </exception>
    public async Task StartAsync()
    {
        int existing;
        try
        {
            existing = await ExistingPartitionCountAsync();
            if (existing == 0 || existing == Options.PartitionCount)
            {
                await _service.CreateIfNotExistsAsync();
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new LocalTaskHubUnavailableException(
                $"task hub {Options.TaskHubName}: storage unreachable ({ex.GetType().Name}: {FirstLine(ex.Message)})", ex);
        }

        if (existing != 0 && existing != Options.PartitionCount)
        {
            // The provider would run on the hub's own count and leave the setting silently ignored.
            throw new LocalTaskHubUnavailableException(
                $"task hub {Options.TaskHubName} was created with {existing} partition(s), but this worker is configured for {Options.PartitionCount}: " +
                "the partition count is fixed when a hub is created. Set it back, or give the new count its own hub (another FA_STORAGE_PREFIX).");
        }

        await _worker.StartAsync();
        Interlocked.Exchange(ref _running, 1);
    }

    /// <summary>Schedules the run's orchestration with instance id = RunId unless an instance already exists (any status).</summary>
    /// <returns>True when this call scheduled it.</returns>
    public async Task<bool> ScheduleAsync(string runId)
    {
        if (await GetStatusAsync(runId) is not null)
        {
            return false;
        }

        // Dedupe on every status: a second start for the same run is refused by the provider, never a second instance.
        var dedupe = new[] { OrchestrationStatus.Pending, OrchestrationStatus.Running, OrchestrationStatus.Completed, OrchestrationStatus.Failed, OrchestrationStatus.Terminated, OrchestrationStatus.Canceled, OrchestrationStatus.ContinuedAsNew, OrchestrationStatus.Suspended };
        try
        {
            await _client.CreateOrchestrationInstanceAsync(OrchestrationNames.Orchestrator, string.Empty, runId, runId, tags: null, dedupe);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
    }

    /// <summary>Raises <paramref name="eventName"/> on the run's orchestration.</summary>
    public Task RaiseAsync(string runId, string eventName) =>
        _client.RaiseEventAsync(new OrchestrationInstance { InstanceId = runId }, eventName, "raised");

    /// <summary>The run's instance status (null when it has none).</summary>
    public async Task<OrchestrationState?> GetStatusAsync(string runId) =>
        // The provider answers an unknown instance with a list holding one null.
        (await _service.GetOrchestrationStateAsync(runId, allExecutions: false)).FirstOrDefault(s => s is not null);

    /// <summary>
    /// Stops polling (idempotent) within <see cref="LocalTaskHubOptions.ShutdownTimeout"/>, or sooner when
    /// <paramref name="cancellationToken"/> fires, also when storage is unreachable. Work still running then is
    /// abandoned: its messages reappear after the visibility timeout and this or another worker runs it again.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        // A host may stop twice at once (its lifetime and its owner): only the first call stops the worker.
        if (Interlocked.CompareExchange(ref _running, 0, 1) != 1)
        {
            return;
        }

        var started = TimeProvider.System.GetTimestamp();
        try
        {
            await _worker.StopAsync(isForced: true).WaitAsync(Options.ShutdownTimeout, cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            // The container disposed the hub (and its worker) first: nothing is left to stop.
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            LogStopAbandoned(_logger, Options.TaskHubName, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopAsync();
        _worker.Dispose();
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    /// <summary>How many control queues the hub already has (0 when it does not exist yet): its partition count.</summary>
    private async Task<int> ExistingPartitionCountAsync()
    {
        var prefix = Options.TaskHubName.ToLowerInvariant() + "-control-";
        var count = 0;
        await foreach (var _ in new QueueServiceClient(Options.ConnectionString).GetQueuesAsync(prefix: prefix))
        {
            count++;
        }

        return count;
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Warning,
        Message = "Task hub {TaskHub} did not stop within {Seconds:F1} s; in-flight work items are abandoned and will be delivered again")]
    private static partial void LogStopAbandoned(ILogger logger, string taskHub, double seconds);
}
