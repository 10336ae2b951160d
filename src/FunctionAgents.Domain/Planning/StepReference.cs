using System.Text.RegularExpressions;

namespace FunctionAgents.Domain.Planning;

/// <summary>
/// Recognizes <c>{{steps.&lt;id&gt;.output.&lt;path&gt;}}</c> references in plan input strings. The runtime resolves
/// them before execution (Runs/StepInputResolver uses the same grammar), so at plan time their value is unknown.
/// </summary>
internal static partial class StepReference
{
    /// <summary>True when <paramref name="value"/> contains at least one step reference.</summary>
    public static bool IsTemplated(string value) =>
        value.Contains("{{", StringComparison.Ordinal) && Pattern().IsMatch(value);

    /// <summary>The ids of the steps <paramref name="value"/> refers to, in order of appearance.</summary>
    public static IEnumerable<string> ReferencedSteps(string value) =>
        value.Contains("{{", StringComparison.Ordinal)
            ? Pattern().Matches(value).Select(m => m.Groups["step"].Value)
            : [];

    /// <summary>The one grammar of a reference: groups <c>step</c> and <c>path</c>.</summary>
    [GeneratedRegex(@"\{\{\s*steps\.(?<step>[A-Za-z0-9_-]+)\.output(?:\.(?<path>[A-Za-z0-9_.\[\]-]*))?\s*\}\}", RegexOptions.CultureInvariant, 1000)]
    internal static partial Regex Pattern();
}
