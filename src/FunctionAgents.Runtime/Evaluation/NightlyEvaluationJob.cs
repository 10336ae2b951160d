using FunctionAgents.Runtime.Scheduling;


namespace FunctionAgents.Runtime.Evaluation;

/// <summary>
/// The nightly evaluation: on each tick of the host's schedule (default <c>0 0 2 * * *</c>) it evaluates the runs
/// created on the UTC day before the tick's scheduled time, every tenant, with the current configuration.
/// </summary>
public sealed class NightlyEvaluationJob(EvaluationService evaluations) : IScheduledJob
{
    /// <summary>The name the job is registered and its schedule status kept under.</summary>
    public const string Name = "nightly-evaluation";

    /// <summary>The UTC day a tick evaluates: the day before the occurrence it runs for (also when it runs late).</summary>
    public static DateOnly DayFor(ScheduleTick tick)
    {
        ArgumentNullException.ThrowIfNull(tick);
        return DateOnly.FromDateTime(tick.ScheduledAt.UtcDateTime).AddDays(-1);
    }

    public Task ExecuteAsync(ScheduleTick tick, CancellationToken cancellationToken)
    {
        var day = DayFor(tick);
        return evaluations.EvaluateAsync(new EvaluationRequest(day, day, null, EvaluationRequest.Nightly), cancellationToken: cancellationToken);
    }
}
