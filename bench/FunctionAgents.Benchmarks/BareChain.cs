using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionAgents.Benchmarks;

/// <summary>
/// The baseline: a bare DTFx orchestration that calls a no-op activity N times, on its own task hub with the settings
/// LocalTaskHub applies from the same <c>LocalTaskHubOptions</c> (partitions, polling, leases, visibility, concurrency,
/// extended sessions, control-queue batch). Its storage clients carry <see cref="Requests"/>, so DTFx's own
/// requests per activity are counted too.
/// </summary>
internal sealed class BareChain : IAsyncDisposable
{
    public const string Name = "BareChain";
    private static long s_completed;
    private static long s_activities;
    private readonly AzureStorageOrchestrationService _service;
    private readonly TaskHubWorker _worker;

    /// <param name="options">The engine settings our hub runs with (<see cref="FunctionAgents.Durable.AzureStorage.LocalTaskHubOptions"/>): the bare hub applies each of them the way LocalTaskHub does, on its own hub name.</param>
    public BareChain(FunctionAgents.Durable.AzureStorage.LocalTaskHubOptions options, string hubName)
    {
        var connectionString = options.ConnectionString;
        var blobs = new BlobClientOptions();
        blobs.AddPolicy(Requests, HttpPipelinePosition.PerRetry);
        var queues = new QueueClientOptions();
        queues.AddPolicy(Requests, HttpPipelinePosition.PerRetry);
        var tables = new TableClientOptions();
        tables.AddPolicy(Requests, HttpPipelinePosition.PerRetry);
        _service = new AzureStorageOrchestrationService(options.ToServiceSettings(
            new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(connectionString, blobs),
                StorageServiceClientProvider.ForQueue(connectionString, queues),
                StorageServiceClientProvider.ForTable(connectionString, tables)),
            hubName,
            NullLoggerFactory.Instance));
        _worker = new TaskHubWorker(_service, NullLoggerFactory.Instance);
        _worker.AddTaskOrchestrations(new NameValueObjectCreator<TaskOrchestration>(Name, string.Empty, typeof(ChainOrchestration)));
        _worker.AddTaskActivities(new NameValueObjectCreator<TaskActivity>(Noop.Name, string.Empty, typeof(Noop)));
        Client = new TaskHubClient(_service);
    }

    /// <summary>Chains whose last episode has run (not replaying): counted in process, so waiting costs no storage request.</summary>
    public static long Completed => Interlocked.Read(ref s_completed);

    /// <summary>No-op activities executed so far.</summary>
    public static long Activities => Interlocked.Read(ref s_activities);

    public TaskHubClient Client { get; }

    /// <summary>Every HTTP request DTFx made for this hub (queues, history and instances tables, lease blobs), polling included.</summary>
    public RequestCountingPolicy Requests { get; } = new();

    public async Task StartAsync()
    {
        await _service.CreateIfNotExistsAsync();
        await _worker.StartAsync();
    }

    public Task ScheduleAsync(string instanceId, int activities) =>
        Client.CreateOrchestrationInstanceAsync(Name, string.Empty, instanceId, activities);

    public async Task<bool> IsDoneAsync(string instanceId) =>
        (await _service.GetOrchestrationStateAsync(instanceId, allExecutions: false)).FirstOrDefault(s => s is not null)?.OrchestrationStatus
            is OrchestrationStatus.Completed or OrchestrationStatus.Failed or OrchestrationStatus.Terminated;

    public async ValueTask DisposeAsync()
    {
        await _worker.StopAsync(isForced: true);
        _worker.Dispose();
    }

    /// <summary>Calls <see cref="Noop"/> the given number of times in sequence.</summary>
    internal sealed class ChainOrchestration : TaskOrchestration<int, int>
    {
        public override async Task<int> RunTask(OrchestrationContext context, int input)
        {
            var sum = 0;
            for (var i = 0; i < input; i++)
            {
                sum += await context.ScheduleTask<int>(Noop.Name, string.Empty, i);
            }

            if (!context.IsReplaying)
            {
                CompletionLatencies.Completed(context.OrchestrationInstance.InstanceId);
                Interlocked.Increment(ref s_completed);
            }

            return sum;
        }
    }

    /// <summary>Returns its input.</summary>
    internal sealed class Noop : TaskActivity<int, int>
    {
        public const string Name = "Noop";

        protected override int Execute(TaskContext context, int input)
        {
            Interlocked.Increment(ref s_activities);
            return input;
        }
    }
}
