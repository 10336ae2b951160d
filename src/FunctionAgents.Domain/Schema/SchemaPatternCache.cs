using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace FunctionAgents.Domain.Schema;

/// <summary>
/// Compiles each schema <c>pattern</c> once. Patterns come from tool schemas written by developers,
/// never from run input, so the cache is bounded by the code base.
/// </summary>
internal static class SchemaPatternCache
{
    /// <summary>How long one pattern match may run before the value is reported as not matching.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private static readonly ConcurrentDictionary<string, Regex?> Cache = new(StringComparer.Ordinal);

    /// <summary>The compiled pattern, or null when the pattern is not a valid .NET regular expression.</summary>
    public static Regex? Get(string pattern) => Cache.GetOrAdd(pattern, Compile);

    private static Regex? Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
