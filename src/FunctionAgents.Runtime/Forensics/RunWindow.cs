using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Runtime.Forensics;

/// <summary>The runs created in a time window, oldest first, from the runs-by-day index (no journal scan).</summary>
public static class RunWindow
{
    /// <summary>The longest window one call lists, in days.</summary>
    public const int MaxDays = 3700;

    /// <summary>Runs with <paramref name="from"/> &lt;= CreatedAt &lt; <paramref name="to"/>, optionally of one tenant, ordered by CreatedAt then RunId.</summary>
    /// <exception cref="ArgumentException">The window is empty or longer than <see cref="MaxDays"/> days.</exception>
    public static async Task<IReadOnlyList<RunSummary>> ListAsync(
        IRunIndex index, DateTimeOffset from, DateTimeOffset to, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (to <= from)
        {
            throw new ArgumentException($"The window must end after it starts; got {from:O} to {to:O}.", nameof(to));
        }

        var firstDay = DateOnly.FromDateTime(from.UtcDateTime);
        var lastDay = DateOnly.FromDateTime(to.UtcDateTime.AddTicks(-1));
        if (lastDay.DayNumber - firstDay.DayNumber >= MaxDays)
        {
            throw new ArgumentException($"The window spans more than {MaxDays} days; list it in parts.", nameof(to));
        }

        var runs = new List<RunSummary>();
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            await foreach (var run in index.ListByDayAsync(day, cancellationToken))
            {
                if (run.CreatedAt >= from && run.CreatedAt < to && (tenantId is null || string.Equals(run.TenantId, tenantId, StringComparison.Ordinal)))
                {
                    runs.Add(run);
                }
            }
        }

        return [.. runs.OrderBy(r => r.CreatedAt).ThenBy(r => r.RunId, StringComparer.Ordinal)];
    }
}
