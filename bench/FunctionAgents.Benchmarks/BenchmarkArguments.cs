using System.Globalization;

namespace FunctionAgents.Benchmarks;

/// <summary><c>--name value</c> pairs after the verb.</summary>
internal sealed class BenchmarkArguments
{
    private readonly Dictionary<string, string> _values;

    private BenchmarkArguments(Dictionary<string, string> values) => _values = values;

    public static BenchmarkArguments Parse(ReadOnlySpan<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new FormatException($"expected '--name value' pairs, got '{args[i]}'.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        return new BenchmarkArguments(values);
    }

    public int Int(string name, int fallback) =>
        !_values.TryGetValue(name, out var text) ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new FormatException($"--{name} must be a positive integer, not '{text}'.");

    /// <summary><c>--name on</c> or <c>--name off</c> (<c>true</c> and <c>false</c> too).</summary>
    public bool Switch(string name, bool fallback) =>
        !_values.TryGetValue(name, out var text) ? fallback
        : text.Equals("on", StringComparison.OrdinalIgnoreCase) || text.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
        : text.Equals("off", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
        : throw new FormatException($"--{name} must be on or off, not '{text}'.");
}
