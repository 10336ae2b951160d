namespace FunctionAgents.Runtime.Hosting;

/// <summary>Names of the scheduled jobs both hosts run.</summary>
public static class ScheduledJobNames
{
    /// <summary>Replays and scores the previous UTC day's finished runs on FA_NIGHTLY_SCHEDULE.</summary>
    public const string NightlyEvaluation = "nightly-evaluation";
}
