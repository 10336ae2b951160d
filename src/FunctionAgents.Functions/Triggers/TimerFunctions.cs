// Reference sheet section 2.4 (TimerTrigger(schedule) with %Setting% resolution, TimerInfo.IsPastDue and ScheduleStatus).
using FunctionAgents.Azure.Scheduling;
using FunctionAgents.Functions.Orchestration;
using FunctionAgents.Runtime.Engine;
using FunctionAgents.Runtime.Evaluation;
using FunctionAgents.Runtime.Scheduling;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionAgents.Functions.Triggers;

/// <summary>
/// The sweeper (repairs runs without a live orchestration) on FA_SWEEP_SCHEDULE (infra: every 5 minutes, so a Flex app
/// can scale to zero) and the nightly evaluation on the local host's FA_NIGHTLY_SCHEDULE.
/// </summary>
public sealed class TimerFunctions
{
    private readonly RunSweeper _sweeper;
    private readonly IServiceProvider _services;
    private readonly IEnumerable<ScheduledJobRegistration> _jobs;
    private readonly InvocationDurableClient _durable;

    public TimerFunctions(RunSweeper sweeper, IServiceProvider services, IEnumerable<ScheduledJobRegistration> jobs, InvocationDurableClient durable)
    {
        _sweeper = sweeper;
        _durable = durable;
        _services = services;
        _jobs = jobs;
    }

    [Function("RunSweeper")]
    public async Task SweepAsync([TimerTrigger(FunctionsBindingSettings.SweepScheduleExpression)] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        using var bound = _durable.Bind(client);
        await _sweeper.SweepAsync(context.CancellationToken);
    }

    [Function("NightlyEvaluation")]
    public async Task NightlyAsync([TimerTrigger(FunctionsBindingSettings.NightlyScheduleExpression)] TimerInfo timer, FunctionContext context)
    {
        var now = DateTimeOffset.UtcNow;
        var tick = new ScheduleTick(
            now,
            timer.IsPastDue,
            timer.ScheduleStatus is { } last ? new DateTimeOffset(DateTime.SpecifyKind(last.Last, DateTimeKind.Utc)) : null,
            timer.ScheduleStatus is { } next ? new DateTimeOffset(DateTime.SpecifyKind(next.Next, DateTimeKind.Utc)) : now);
        foreach (var job in _jobs.Where(j => j.Name == NightlyEvaluationJob.Name))
        {
            await job.Create(_services).ExecuteAsync(tick, context.CancellationToken);
        }
    }
}
