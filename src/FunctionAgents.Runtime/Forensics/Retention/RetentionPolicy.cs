using System.Globalization;

namespace FunctionAgents.Runtime.Forensics.Retention;

/// <summary>
/// How long journaled runs are kept before they may be purged. The minimum can be raised by configuration but never
/// set below <see cref="LegalMinimum"/>: 183 days, the six months EU AI Act Art. 19 requires logs of high-risk systems
/// to be kept. Every purge is checked against it.
/// </summary>
public sealed record RetentionPolicy
{
    public RetentionPolicy()
        : this(LegalMinimum)
    {
    }

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumRetention"/> is shorter than <see cref="LegalMinimum"/>.</exception>
    public RetentionPolicy(TimeSpan minimumRetention)
    {
        if (minimumRetention < LegalMinimum)
        {
            throw new ArgumentOutOfRangeException(
                nameof(minimumRetention),
                minimumRetention,
                $"The minimum retention cannot be below {LegalMinimum.TotalDays:0} days (EU AI Act Art. 19 requires at least six months).");
        }

        MinimumRetention = minimumRetention;
    }

    /// <summary>183 days: the floor below which nothing can be purged.</summary>
    public static TimeSpan LegalMinimum { get; } = TimeSpan.FromDays(183);

    public TimeSpan MinimumRetention { get; }

    /// <summary>The most recent cutoff a purge at <paramref name="now"/> may use.</summary>
    public DateTimeOffset LatestAllowedCutoff(DateTimeOffset now) => now - MinimumRetention;

    /// <summary>Whether a purge of everything older than <paramref name="cutoff"/> is allowed at <paramref name="now"/>; if not, why.</summary>
    public RetentionDecision Check(DateTimeOffset cutoff, DateTimeOffset now)
    {
        var latest = LatestAllowedCutoff(now);
        if (cutoff <= latest)
        {
            return new RetentionDecision(true, cutoff, latest, null);
        }

        var ageDays = (now - cutoff).TotalDays;
        var age = ageDays < 0 ? "from the future" : $"only {Math.Floor(ageDays).ToString(CultureInfo.InvariantCulture)} days old";
        return new RetentionDecision(
            false,
            cutoff,
            latest,
            $"a cutoff of {Format(cutoff)} would purge runs {age}; runs are kept at least {MinimumRetention.TotalDays.ToString("0.##", CultureInfo.InvariantCulture)} days " +
            $"(the EU AI Act Art. 19 floor is {LegalMinimum.TotalDays:0}), so the latest allowed cutoff now is {Format(latest)}");
    }

    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}

/// <summary>Whether a purge cutoff respects the retention floor.</summary>
/// <param name="LatestAllowedCutoff">The most recent cutoff the floor allows at the time of the check.</param>
/// <param name="Refusal">Why the purge is refused, in words; null when it is allowed.</param>
public sealed record RetentionDecision(bool Allowed, DateTimeOffset Cutoff, DateTimeOffset LatestAllowedCutoff, string? Refusal);
