using FunctionAgents.Domain.Evaluation.Checks;
using FunctionAgents.Domain.Evaluation.Reporting;
using FunctionAgents.Domain.Evaluation.Scoring;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Evaluation.Replay;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Runs;
using FunctionAgents.Runtime.Telemetry;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Runtime.Evaluation;

/// <summary>
/// Evaluates a window of runs: streams the finished runs of each day from the runs-by-day index, replays and scores
/// them one at a time, stores a score row per run and the JSON report, and journals the evaluation itself
/// (EvaluationStarted, RunScored per run, EvaluationCompleted) under its id so a report can be explained later.
/// Memory stays flat with the number of runs: one run is held at a time, rows and events are flushed in batches of 100.
/// </summary>
public sealed partial class EvaluationService
{
    private const int BatchSize = 100;

    private readonly IRunIndex _index;
    private readonly IEventJournal _journal;
    private readonly RunReplayer _replayer;
    private readonly IEvaluationStore _store;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly RunAppender _appender;
    private readonly RunScorer _scorer;
    private readonly AlertThresholds _alerts;
    private readonly NightlyEvaluators? _evaluators;

    /// <param name="journal">Where the runs are read from.</param>
    /// <param name="evaluationJournal">Where the evaluation is journaled; <paramref name="journal"/> when null.</param>
    /// <param name="appender">
    /// The process's one appender, which journals the evaluation; when null, one over <paramref name="evaluationJournal"/>
    /// (a CLI evaluation that journals to a file).
    /// </param>
    public EvaluationService(
        IRunIndex index,
        IEventJournal journal,
        RunReplayer replayer,
        IEvaluationStore store,
        TimeProvider clock,
        ILogger<EvaluationService> logger,
        IEventJournal? evaluationJournal = null,
        RunScorer? scorer = null,
        AlertThresholds? alerts = null,
        RunAppender? appender = null,
        NightlyEvaluators? evaluators = null)
    {
        _evaluators = evaluators;
        _index = index;
        _journal = journal;
        _replayer = replayer;
        _store = store;
        _clock = clock;
        _logger = logger;
        _appender = appender ?? new RunAppender(evaluationJournal ?? journal, index, clock);
        _scorer = scorer ?? new RunScorer();
        _alerts = alerts ?? AlertThresholds.Default;
    }

    /// <summary>Runs one evaluation to the end and returns its stored report.</summary>
    /// <exception cref="ArgumentException">The window is reversed or longer than <see cref="EvaluationRequest.MaxDays"/> days.</exception>
    public async Task<EvaluationReport> EvaluateAsync(
        EvaluationRequest request, IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var configuration = _replayer.Configuration;
        var evaluationId = request.EvaluationId ?? EvaluationIds.New(request.Trigger, request.From);
        var report = new EvaluationReport
        {
            EvaluationId = evaluationId,
            Trigger = request.Trigger,
            StartedAt = _clock.GetUtcNow(),
            From = request.From,
            To = request.To,
            TenantId = request.TenantId,
            Mode = configuration.Mode,
            PolicyVersion = configuration.Policy.Version,
            CandidatePolicy = configuration.CandidatePolicy,
            CandidatePromptVersion = configuration.CandidatePromptVersion,
            StepScorer = _scorer.StepScorerName,
        };
        var previous = await _store.GetLatestAsync(request.TenantId, cancellationToken);
        var writer = new EvaluationJournalWriter(
            _appender, new RunIdentity(evaluationId, request.TenantId ?? EvaluationIds.AllTenants, evaluationId, RunIds.NewTraceParent()));
        await writer.AddAsync(Started(report), cancellationToken);
        Log.Starting(_logger, evaluationId, request.From, request.To, request.TenantId ?? EvaluationIds.AllTenants, configuration.Mode);

        var aggregator = new EvaluationAggregator();
        var metrics = _evaluators is null ? null : new EvaluatorMetrics();
        await ScoreWindowAsync(request, evaluationId, aggregator, metrics, writer, progress, cancellationToken);

        report = aggregator.ApplyTo(report);
        var evaluatorDays = metrics?.Days(_evaluators?.JudgeModel) ?? [];
        foreach (var day in evaluatorDays)
        {
            await writer.AddAsync(day.ToEvent(), cancellationToken);
        }

        report = report with
        {
            Evaluators = metrics?.Overall.Summaries(),
            EvaluatorDays = evaluatorDays,
            CompletedAt = _clock.GetUtcNow(),
            Alerts =
            [
                .. AlertRules.Evaluate(report.Days, PreviousDay(previous, request.From), configuration.IsCandidate, _alerts),
                .. EvaluatorDropRules.Evaluate(evaluatorDays, previous?.EvaluatorDays),
            ],
        };
        var completed = Completed(report);
        await writer.AddAsync(completed, cancellationToken);
        await writer.FlushAsync(cancellationToken);
        RunTelemetry.RecordEvaluation(request.Trigger, completed);
        await _store.SaveReportAsync(report, cancellationToken);
        Log.Completed(_logger, evaluationId, report.RunsScored, report.RunsSkipped, report.Alerts.Count);
        return report;
    }

    private async Task ScoreWindowAsync(
        EvaluationRequest request,
        string evaluationId,
        EvaluationAggregator aggregator,
        EvaluatorMetrics? metrics,
        EvaluationJournalWriter writer,
        IProgress<EvaluationProgress>? progress,
        CancellationToken cancellationToken)
    {
        var rows = new List<RunScore>(BatchSize);
        var days = request.To.DayNumber - request.From.DayNumber + 1;
        for (var d = 0; d < days; d++)
        {
            var day = request.From.AddDays(d);
            progress?.Report(new EvaluationProgress(d + 1, days, day, aggregator.Runs, aggregator.Skipped));
            await foreach (var summary in _index.ListByDayAsync(day, cancellationToken))
            {
                if (request.TenantId is { } tenant && summary.TenantId != tenant)
                {
                    continue;
                }

                var scored = await ScoreRunAsync(summary, cancellationToken);
                if (scored is not var (score, recorded))
                {
                    aggregator.Skip();
                    continue;
                }

                aggregator.Add(score);
                if (metrics is not null && _evaluators is not null)
                {
                    IReadOnlyList<Microsoft.Extensions.AI.Evaluation.IEvaluator> evaluators = aggregator.Runs <= _evaluators.JudgeSample && _evaluators.Judge is not null
                        ? [.. _evaluators.Deterministic, .. _evaluators.Judged]
                        : _evaluators.Deterministic;
                    metrics.Add(day, summary.TenantId, summary.RunId, await Sets.EvaluationSetRunner.ScoreAsync(recorded, null, evaluators, _evaluators.Judge, cancellationToken));
                }

                rows.Add(score);
                await writer.AddAsync(Scored(score), cancellationToken);
                if (rows.Count >= BatchSize)
                {
                    await _store.SaveRunScoresAsync(evaluationId, rows, cancellationToken);
                    rows.Clear();
                    Log.Progress(_logger, evaluationId, aggregator.Runs, aggregator.Skipped, day);
                    progress?.Report(new EvaluationProgress(d + 1, days, day, aggregator.Runs, aggregator.Skipped));
                }
            }
        }

        if (rows.Count > 0)
        {
            await _store.SaveRunScoresAsync(evaluationId, rows, cancellationToken);
        }

        progress?.Report(new EvaluationProgress(days, days, request.To, aggregator.Runs, aggregator.Skipped));
    }

    /// <summary>Replays and scores one finished run; null (logged) when it is unfinished or cannot be replayed.</summary>
    private async Task<(RunScore Score, RunState Recorded)?> ScoreRunAsync(RunSummary summary, CancellationToken cancellationToken)
    {
        if (summary.Status is not (RunStatus.Completed or RunStatus.Failed or RunStatus.Cancelled))
        {
            return null;
        }

        try
        {
            var replay = await _replayer.ReplayAsync(_journal, summary.RunId, cancellationToken);
            return (_scorer.Score(replay), replay.RecordedState);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.RunNotScored(_logger, ex, summary.RunId, ex.Message);
            return null;
        }
    }
}

/// <summary>How far an evaluation is: the day being read (1-based of <paramref name="Days"/>) and the runs done so far.</summary>
public sealed record EvaluationProgress(int Day, int Days, DateOnly Date, int RunsScored, int RunsSkipped);
