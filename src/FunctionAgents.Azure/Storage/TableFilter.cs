using System.Globalization;

namespace FunctionAgents.Azure.Storage;

/// <summary>
/// Builds OData <c>$filter</c> text with values written as escaped literals, for example
/// <c>TableFilter.Create($"PartitionKey eq {runId} and EventTime ge {since}")</c>.
/// </summary>
public static class TableFilter
{
    /// <summary>Formats <paramref name="filter"/>, turning every interpolated value into an OData literal.</summary>
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var args = filter.GetArguments().Select(a => (object)Literal(a)).ToArray();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, args);
    }

    /// <summary>
    /// The OData literal for a value: <c>'text'</c> with quotes doubled, <c>42</c>, <c>42L</c>,
    /// <c>1.5</c>, <c>true</c>, <c>datetime'…Z'</c>, <c>guid'…'</c>, <c>X'…'</c>.
    /// </summary>
    public static string Literal(object? value) => value switch
    {
        null => throw new ArgumentNullException(nameof(value), "Tables have no null literal; filter on another property."),
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d when double.IsFinite(d) => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTime dt => "datetime'" + TableEntityJson.FormatDateTime(dt) + "'",
        DateTimeOffset dto => "datetime'" + TableEntityJson.FormatDateTime(dto.UtcDateTime) + "'",
        Guid g => "guid'" + g.ToString("D") + "'",
        byte[] bytes => "X'" + Convert.ToHexStringLower(bytes) + "'",
        _ => throw new ArgumentException($"A filter value of type {value.GetType().Name} has no table literal.", nameof(value)),
    };
}
