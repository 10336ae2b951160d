namespace FunctionAgents.Runtime.Hosting;

/// <summary>What a schedule monitor remembers of a job: the last occurrence run and the next one expected.</summary>
public sealed record ScheduleStatus(DateTimeOffset? Last, DateTimeOffset Next, DateTimeOffset LastUpdated);
