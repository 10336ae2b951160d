using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionAgents.Benchmarks;

/// <summary>The baseline: a bare DTFx orchestration that calls a no-op activity N times, on its own task hub.</summary>
internal sealed class BareChain : IAsyncDisposable
{
    public const string Name = "BareChain";
    private readonly AzureStorageOrchestrationService _service;
    private readonly TaskHubWorker _worker;

    public BareChain(string connectionString, string hubName)
    {
        _service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = hubName,
            PartitionCount = 1,
            MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
            WorkerId = Environment.MachineName,
            LoggerFactory = NullLoggerFactory.Instance,
        });
        _worker = new TaskHubWorker(_service, NullLoggerFactory.Instance);
        _worker.AddTaskOrchestrations(new NameValueObjectCreator<TaskOrchestration>(Name, string.Empty, typeof(ChainOrchestration)));
        _worker.AddTaskActivities(new NameValueObjectCreator<TaskActivity>(Noop.Name, string.Empty, typeof(Noop)));
        Client = new TaskHubClient(_service);
    }

    public TaskHubClient Client { get; }

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

            return sum;
        }
    }

    /// <summary>Returns its input.</summary>
    internal sealed class Noop : TaskActivity<int, int>
    {
        public const string Name = "Noop";

        protected override int Execute(TaskContext context, int input) => input;
    }
}
