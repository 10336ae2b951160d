using System.Runtime.CompilerServices;
using System.Text.Json;
using FunctionAgents.Azure.Runs;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Engine;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Domain.Storage;
using FunctionAgents.Host.Tests.Support;
using FunctionAgents.Runtime.Engine;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Runs;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionAgents.Host.Tests.Runs;

[Collection(HostCollection.Name)]
public sealed class AgentRunsIntakeTests(HostFixture fixture)
{
    private readonly QueueStorageClient _queues = fixture.CreateQueueClient();

    [Fact]
    public async Task Process_TransientFailure_IsRetriedThenPoisonedAfterFiveAttemptsWithTheReason()
    {
        // Arrange
        var names = StorageNames.Create("a" + Guid.NewGuid().ToString("N")[..12]);
        await _queues.CreateQueueIfNotExistsAsync(names.AgentRuns);
        await _queues.CreateQueueIfNotExistsAsync(names.AgentRunsPoison);
        var journal = new UnavailableJournal();
        var index = new NoIndex();
        var commands = new RunCommands(new RunAppender(journal, index, TimeProvider.System), index, new NoOrchestrations(), new RunOptions());
        var intake = new AgentRunsIntake(_queues, names, commands, TimeProvider.System, NullLogger<AgentRunsIntake>.Instance, new AgentRunsIntakeOptions { RetryDelay = TimeSpan.Zero });
        await _queues.SendMessageAsync(names.AgentRuns, """{"tenant":"acme","goal":"refund?"}""");

        // Act
        for (var i = 0; i < 20 && await _queues.GetApproximateMessageCountAsync(names.AgentRunsPoison) == 0; i++)
        {
            await intake.ProcessBatchAsync(CancellationToken.None);
        }

        // Assert
        Assert.Equal(5, journal.Attempts);
        Assert.Equal(0, await _queues.GetApproximateMessageCountAsync(names.AgentRuns));
        var poisoned = Assert.Single(await _queues.ReceiveMessagesAsync(names.AgentRunsPoison, 32));
        using var envelope = JsonDocument.Parse(poisoned.Text!);
        Assert.Contains("failed 5 times", envelope.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("storage is down", envelope.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, envelope.RootElement.GetProperty("dequeueCount").GetInt64());
        Assert.Equal("""{"tenant":"acme","goal":"refund?"}""", envelope.RootElement.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(null, "Base64")]
    [InlineData("nope", "not valid JSON")]
    [InlineData("""{"tenant":"acme"}""", "goal")]
    [InlineData("""{"tenant":"acme","goal":"x","maxSteps":99}""", "maxSteps")]
    [InlineData("""{"tenant":"acme","goal":"x","traceParent":"abc"}""", "traceParent")]
    public async Task Handle_UnprocessableMessage_IsRejectedWithTheReason(string? text, string reason)
    {
        var index = new NoIndex();
        var commands = new RunCommands(new RunAppender(new InMemoryEventJournal(), index, TimeProvider.System), index, new NoOrchestrations(), new RunOptions());
        var intake = new AgentRunsIntake(_queues, StorageNames.Create(null), commands, TimeProvider.System, NullLogger<AgentRunsIntake>.Instance);

        var result = await intake.HandleAsync(text);

        Assert.True(result.IsRejected);
        Assert.Contains(reason, result.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poison_FromATriggerHost_WritesTheEnvelope()
    {
        var names = StorageNames.Create("p" + Guid.NewGuid().ToString("N")[..12]);
        await _queues.CreateQueueIfNotExistsAsync(names.AgentRunsPoison);
        var index = new NoIndex();
        var commands = new RunCommands(new RunAppender(new InMemoryEventJournal(), index, TimeProvider.System), index, new NoOrchestrations(), new RunOptions());
        var intake = new AgentRunsIntake(_queues, names, commands, TimeProvider.System, NullLogger<AgentRunsIntake>.Instance);

        await intake.PoisonAsync("{oops", "the message is not valid JSON", 1);

        var poisoned = Assert.Single(await _queues.ReceiveMessagesAsync(names.AgentRunsPoison, 32));
        using var envelope = JsonDocument.Parse(poisoned.Text!);
        Assert.Equal("{oops", envelope.RootElement.GetProperty("message").GetString());
        Assert.Equal("the message is not valid JSON", envelope.RootElement.GetProperty("reason").GetString());
    }

    private sealed class UnavailableJournal : IEventJournal
    {
        public int Attempts { get; private set; }

        public Task AppendAsync(string runId, long expectedNextSeq, IReadOnlyList<RunEvent> events, CancellationToken cancellationToken = default)
        {
            Attempts++;
            throw new StorageException(503, "ServerBusy", "storage is down");
        }

        public async IAsyncEnumerable<RunEvent> ReadAsync(string runId, long fromSeq = 1, long toSeq = long.MaxValue, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            yield break;
        }

        public Task<ChainVerification> VerifyChainAsync(string runId, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChainVerification(runId, 0, null, null));
    }

    private sealed class NoIndex : IRunIndex
    {
        public Task TryAddAsync(RunSummary summary, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task UpsertAsync(RunSummary summary, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<RunSummary?> GetAsync(string tenantId, string runId, CancellationToken cancellationToken = default) => Task.FromResult<RunSummary?>(null);

        public Task<RunPage> ListAsync(RunQuery query, CancellationToken cancellationToken = default) => Task.FromResult(new RunPage([], null));

        public IAsyncEnumerable<RunSummary> ListByDayAsync(DateOnly day, CancellationToken cancellationToken = default) => AsyncEnumerable.Empty<RunSummary>();

        public IAsyncEnumerable<RunSummary> ListStaleAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default) => AsyncEnumerable.Empty<RunSummary>();
    }

    private sealed class NoOrchestrations : IRunOrchestrations
    {
        public Task<bool> ScheduleAsync(string runId, CancellationToken cancellationToken = default) => Task.FromResult(true);

        public Task RaiseAsync(string runId, string eventName, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<RunOrchestrationStatus> GetStatusAsync(string runId, CancellationToken cancellationToken = default) => Task.FromResult(RunOrchestrationStatus.None);
    }
}
