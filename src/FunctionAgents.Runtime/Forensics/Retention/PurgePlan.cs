using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Runtime.Forensics.Retention;

/// <summary>
/// What a purge would remove, for the operator to confirm before anything is deleted: the whole runs created and last
/// updated before the cutoff and finished, and the older runs left alone with the reason. Empty when the floor refuses the cutoff.
/// </summary>
public sealed record PurgePlan(RetentionDecision Decision, IReadOnlyList<RunSummary> Runs, IReadOnlyList<PurgeSkip> Skipped)
{
    public DateTimeOffset Cutoff => Decision.Cutoff;

    /// <summary>Selects from <paramref name="olderRuns"/> (runs created before the cutoff) the ones a purge may remove.</summary>
    public static PurgePlan Create(RetentionDecision decision, IEnumerable<RunSummary> olderRuns)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(olderRuns);
        if (!decision.Allowed)
        {
            return new PurgePlan(decision, [], []);
        }

        var runs = new List<RunSummary>();
        var skipped = new List<PurgeSkip>();
        foreach (var run in olderRuns.OrderBy(r => r.CreatedAt).ThenBy(r => r.RunId, StringComparer.Ordinal))
        {
            if (run.CreatedAt >= decision.Cutoff)
            {
                continue;
            }

            if (run.UpdatedAt >= decision.Cutoff)
            {
                skipped.Add(new PurgeSkip(run.RunId, run.TenantId, $"it was active on {run.UpdatedAt:yyyy-MM-dd}, after the cutoff"));
            }
            else if (run.Status is not (RunStatus.Completed or RunStatus.Failed or RunStatus.Cancelled))
            {
                skipped.Add(new PurgeSkip(run.RunId, run.TenantId, $"it has not finished (status {run.Status.ToString().ToLowerInvariant()})"));
            }
            else
            {
                runs.Add(run);
            }
        }

        return new PurgePlan(decision, runs, skipped);
    }
}

/// <summary>A run older than the cutoff that a purge leaves alone, and why (for example: not finished, or active since the cutoff).</summary>
public sealed record PurgeSkip(string RunId, string TenantId, string Reason);
