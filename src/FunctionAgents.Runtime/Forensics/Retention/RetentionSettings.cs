using System.Globalization;

namespace FunctionAgents.Runtime.Forensics.Retention;

/// <summary>How hosts and the CLI configure retention.</summary>
public static class RetentionSettings
{
    /// <summary>The minimum retention in whole days; default and floor 183.</summary>
    public const string MinimumRetentionDays = "FA_RETENTION_DAYS";

    /// <summary>The policy the setting asks for; the default when it is not set.</summary>
    /// <exception cref="FormatException">The value is not a whole number of days, or is below the 183-day floor.</exception>
    public static RetentionPolicy FromSetting(string? days)
    {
        if (string.IsNullOrWhiteSpace(days))
        {
            return new RetentionPolicy();
        }

        if (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < RetentionPolicy.LegalMinimum.TotalDays)
        {
            throw new FormatException(
                $"{MinimumRetentionDays} must be a whole number of days, at least {RetentionPolicy.LegalMinimum.TotalDays:0} (EU AI Act Art. 19); it was '{days}'.");
        }

        return new RetentionPolicy(TimeSpan.FromDays(value));
    }
}
