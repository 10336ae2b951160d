using FunctionAgents.Domain.Engine;
using FunctionAgents.Domain.Evaluation.Checks;
using FunctionAgents.Domain.Evaluation.Sets;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Engine;
using FunctionAgents.Runtime.Evaluation.Evaluators;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Runs;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace FunctionAgents.Runtime.Evaluation.Sets;

/// <summary>
/// Runs every case of an evaluation set live, through the same commands, decider loop, activities and policy the hosts
/// run (in-memory journal and index), answers each approval request as the case says, and scores every run with every
/// evaluator. A case whose run cannot start or finish is reported as errored, never skipped.
/// </summary>
public sealed class EvaluationSetRunner
{
    /// <summary>The tenant evaluation runs are started under.</summary>
    public const string Tenant = "eval";

    private readonly SetRunConfiguration _configuration;
    private readonly IReadOnlyList<IEvaluator> _evaluators;
    private readonly ChatConfiguration? _judge;
    private readonly TimeProvider _clock;

    /// <param name="evaluators">Every evaluator to score each run with.</param>
    /// <param name="judge">The judge model for judged evaluators; null when none is configured (they report not run).</param>
    public EvaluationSetRunner(SetRunConfiguration configuration, IReadOnlyList<IEvaluator> evaluators, ChatConfiguration? judge, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(evaluators);
        ArgumentNullException.ThrowIfNull(clock);
        _configuration = configuration;
        _evaluators = evaluators;
        _judge = judge;
        _clock = clock;
    }

    /// <summary>Runs and scores every case; <paramref name="progress"/> hears of each case as it ends.</summary>
    public async Task<SetSide> RunAsync(EvaluationSet set, string label, Action<CaseResult>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        var journal = new InMemoryEventJournal();
        var index = new InMemoryRunIndex();
        var appender = new RunAppender(journal, index, _clock);
        var activities = new RunActivities(
            _configuration.Planner, _configuration.Builder, _configuration.Tools, _configuration.ToolRunner, _configuration.Policy, _clock, _configuration.Prices);
        var commands = new RunCommands(appender, index, new InProcessOrchestrations(), new RunOptions());
        var runner = new StepRunner(appender, activities);
        var cases = new List<CaseResult>(set.Cases.Count);
        foreach (var item in set.Cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await RunCaseAsync(item, commands, runner, journal, cancellationToken).ConfigureAwait(false);
            cases.Add(result);
            progress?.Invoke(result);
        }

        return new SetSide(label, _configuration.Description, cases, SetSummaries.Summarize(cases));
    }

    /// <summary>Scores one finished run with every evaluator (also used for runs that were not started from a set).</summary>
    public static async Task<IReadOnlyList<MetricResult>> ScoreAsync(
        RunState run, CaseExpectation? expect, IReadOnlyList<IEvaluator> evaluators, ChatConfiguration? judge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(evaluators);
        var context = new RunEvaluationContext(run, expect);
        ChatMessage[] messages = [new(ChatRole.User, run.Goal)];
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, run.Response ?? string.Empty));
        var metrics = new List<MetricResult>(evaluators.Count);
        foreach (var evaluator in evaluators)
        {
            var result = await evaluator.EvaluateAsync(messages, response, judge, [context], cancellationToken).ConfigureAwait(false);
            metrics.AddRange(result.Metrics.Values.Select(MetricResults.From));
        }

        return metrics;
    }

    private async Task<CaseResult> RunCaseAsync(EvaluationCase item, RunCommands commands, StepRunner runner, InMemoryEventJournal journal, CancellationToken cancellationToken)
    {
        string runId;
        try
        {
            var started = await commands.StartAsync(
                new StartRunRequest(Tenant, item.Goal, null, null, item.Id, item.Metadata, null, "eval", null), cancellationToken).ConfigureAwait(false);
            runId = started.RunId;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return Errored(item, null, $"the run could not start: {ex.Message}");
        }

        try
        {
            await OrchestrationLoop.RunAsync(
                runId,
                request => runner.PerformAsync(request, cancellationToken),
                (id, after) => runner.ReadAsync(id, after, cancellationToken),
                async (eventName, _) => await DecideAsync(commands, journal, runId, item.Expect.Approve, cancellationToken).ConfigureAwait(false),
                _clock.GetUtcNow).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Errored(item, runId, $"the run failed to run: {ex.GetType().Name}: {ex.Message}");
        }

        var state = await RunReader.LoadAsync(journal, runId, cancellationToken).ConfigureAwait(false);
        if (!state.IsFinished)
        {
            return Errored(item, runId, $"the run did not finish (it is {RunStatusNames.ToName(state.Status)})");
        }

        var metrics = await ScoreAsync(state, item.Expect, _evaluators, _judge, cancellationToken).ConfigureAwait(false);
        return new CaseResult(
            item.Id,
            runId,
            RunStatusNames.ToName(state.Status),
            null,
            state.Response,
            [.. Domain.Evaluation.Checks.RunChecks.ExecutedTools(state)],
            metrics);
    }

    private static async Task DecideAsync(RunCommands commands, InMemoryEventJournal journal, string runId, bool approve, CancellationToken cancellationToken)
    {
        var state = await RunReader.LoadAsync(journal, runId, cancellationToken).ConfigureAwait(false);
        foreach (var pending in state.PendingApprovals.ToList())
        {
            await commands.DecideApprovalAsync(
                state.TenantId, runId, pending.StepId, approve, "eval-set", approve ? "approved as the case says" : "rejected as the case says", cancellationToken).ConfigureAwait(false);
        }
    }

    private static CaseResult Errored(EvaluationCase item, string? runId, string error) => new(item.Id, runId, null, error, null, [], []);

    /// <summary>The loop is driven here in process: scheduling and raising events have nothing to do.</summary>
    private sealed class InProcessOrchestrations : IRunOrchestrations
    {
        public Task<bool> ScheduleAsync(string runId, CancellationToken cancellationToken = default) => Task.FromResult(true);

        public Task RaiseAsync(string runId, string eventName, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<RunOrchestrationStatus> GetStatusAsync(string runId, CancellationToken cancellationToken = default) => Task.FromResult(RunOrchestrationStatus.None);
    }
}
