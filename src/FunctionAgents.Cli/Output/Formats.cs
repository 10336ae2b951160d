using System.Globalization;

namespace FunctionAgents.Cli.Output;

/// <summary>How numbers and times read in <c>fa</c> output: invariant culture, short.</summary>
internal static class Formats
{
    public static string Percent(double value) => value.ToString("0.0%", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Signed(double value) => value.ToString("+0.####;-0.####;0", CultureInfo.InvariantCulture);

    public static string Usd(decimal? value) => value is { } v ? v.ToString("0.######", CultureInfo.InvariantCulture) : "-";

    public static string Ms(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) + " ms" : "-";

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Shorten(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
