using System.Xml;

namespace FunctionAgents.Azure.DependencyInjection;

/// <summary>How every settings type reads a raw value: blank means "not set", and each parse error names its setting.</summary>
public static class SettingValue
{
    /// <summary>The trimmed value of <paramref name="name"/>, or null when it is missing or blank.</summary>
    public static string? Get(Func<string, string?> getSetting, string name)
    {
        ArgumentNullException.ThrowIfNull(getSetting);
        return getSetting(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
    }

    /// <summary>Parses an ISO 8601 duration such as <c>PT2M</c>; it must be positive. Null stays null.</summary>
    /// <exception cref="FormatException">Not a positive ISO 8601 duration; the message names <paramref name="setting"/>.</exception>
    public static TimeSpan? Duration(string setting, string? value)
    {
        if (value is null)
        {
            return null;
        }

        TimeSpan parsed;
        try
        {
            parsed = XmlConvert.ToTimeSpan(value);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"{setting} '{value}' is not an ISO 8601 duration such as PT2M or PT1H.", ex);
        }

        return parsed > TimeSpan.Zero ? parsed : throw new FormatException($"{setting} '{value}' must be a positive duration.");
    }
}
