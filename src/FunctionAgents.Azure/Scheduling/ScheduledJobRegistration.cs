using FunctionAgents.Runtime.Scheduling;

namespace FunctionAgents.Azure.Scheduling;

/// <summary>A job and when it runs. Hosts collect these from the service container.</summary>
/// <param name="Name">Unique job name; keys the schedule status that survives restarts.</param>
/// <param name="RunOnStartup">Also run once when the host starts (the timer trigger's <c>RunOnStartup</c>).</param>
/// <param name="Create">Builds the job from the host's services for each invocation.</param>
public sealed record ScheduledJobRegistration(string Name, CronSchedule Schedule, bool RunOnStartup, Func<IServiceProvider, IScheduledJob> Create);
