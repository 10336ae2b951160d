using System.Runtime.CompilerServices;
using FunctionAgents.Domain.Evaluation.Reporting;
using FunctionAgents.Domain.Evaluation.Scoring;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Evaluation;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Benchmarks;

/// <summary>A runs-by-day index that streams the corpus's summaries without holding them: memory is the evaluation's own.</summary>
internal sealed class ReplayRunIndex(int count, DateOnly day) : IRunIndex
{
    public Task TryAddAsync(RunSummary summary, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task UpsertAsync(RunSummary summary, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<RunSummary?> GetAsync(string tenantId, string runId, CancellationToken cancellationToken = default) => Task.FromResult<RunSummary?>(null);

    public Task<RunPage> ListAsync(RunQuery query, CancellationToken cancellationToken = default) => Task.FromResult(new RunPage([], null));

    public async IAsyncEnumerable<RunSummary> ListByDayAsync(DateOnly date, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var created = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        for (var i = 0; i < count && date == day; i++)
        {
            yield return new RunSummary($"tenant-{i % 7}", ReplayCorpus.RunId(i), RunStatus.Completed, "goal", ReplayCorpus.RunId(i), created, created, 0, 0m, "http");
        }

        await Task.CompletedTask;
    }

    public IAsyncEnumerable<RunSummary> ListStaleAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default) =>
        AsyncEnumerable.Empty<RunSummary>();
}

/// <summary>Discards what an evaluation stores, so the memory measured is the evaluation's, not a store's.</summary>
internal sealed class ReplayDiscardingStore : IEvaluationStore, IEventJournal
{
    public Task SaveRunScoresAsync(string evaluationId, IReadOnlyList<RunScore> scores, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SaveReportAsync(EvaluationReport report, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<EvaluationReport?> GetReportAsync(string evaluationId, CancellationToken cancellationToken = default) => Task.FromResult<EvaluationReport?>(null);

    public Task<EvaluationReport?> GetLatestAsync(string? tenantId, CancellationToken cancellationToken = default) => Task.FromResult<EvaluationReport?>(null);

    public IAsyncEnumerable<RunScore> ListRunScoresAsync(string evaluationId, string? tenantId = null, CancellationToken cancellationToken = default) =>
        AsyncEnumerable.Empty<RunScore>();

    public Task AppendAsync(string runId, long expectedNextSeq, IReadOnlyList<RunEvent> events, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public IAsyncEnumerable<RunEvent> ReadAsync(string runId, long fromSeq = 1, long toSeq = long.MaxValue, CancellationToken cancellationToken = default) =>
        AsyncEnumerable.Empty<RunEvent>();

    public Task<ChainVerification> VerifyChainAsync(string runId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ChainVerification(runId, 0, null, null));
}

/// <summary>Samples the managed heap and the process working set every few milliseconds and keeps the largest values seen.</summary>
internal sealed class ReplayHeapSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly System.Diagnostics.Process _process = System.Diagnostics.Process.GetCurrentProcess();
    private readonly Task _sampling;

    public ReplayHeapSampler()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Peak = GC.GetTotalMemory(false);
        _process.Refresh();
        PeakWorkingSet = _process.WorkingSet64;
        _sampling = Task.Run(SampleAsync);
    }

    public long Peak { get; private set; }

    public long PeakWorkingSet { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
        _process.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Peak = Math.Max(Peak, GC.GetTotalMemory(false));
            _process.Refresh();
            PeakWorkingSet = Math.Max(PeakWorkingSet, _process.WorkingSet64);
            try
            {
                await Task.Delay(5, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}

internal sealed class BenchClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now += TimeSpan.FromMilliseconds(100);
}

internal sealed class BenchToolStores : ITicketStore, IEmailOutbox
{
    public Task<TicketRecord> CreateAsync(TicketRecord ticket, CancellationToken cancellationToken) => Task.FromResult(ticket);

    public Task<OutboxEmail> EnqueueAsync(OutboxEmail email, CancellationToken cancellationToken) => Task.FromResult(email);
}

internal sealed class BenchToolRunner(ToolExecutor executor) : IToolRunner
{
    public Task<ToolObservation> ExecuteAsync(ToolInvocation invocation, string toolName, CancellationToken cancellationToken) =>
        executor.ExecuteAsync(invocation, toolName, cancellationToken);
}
