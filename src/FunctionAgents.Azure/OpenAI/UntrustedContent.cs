using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>
/// Wraps tool output for a prompt in <c>&lt;untrusted-tool-output step=".." tool=".."&gt;</c> blocks. Anything inside
/// the data that could open or close such a block is escaped, so the data can never end its block early and pose as
/// text written by the runtime.
/// </summary>
internal static partial class UntrustedContent
{
    public const string Tag = "untrusted-tool-output";

    private static readonly JsonSerializerOptions Compact = new()
    {
        // Readable for the model (no \u escapes for non-ASCII or '<'); the delimiter itself is escaped below.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    /// <summary>One delimited block holding <paramref name="data"/>.</summary>
    public static string Block(string stepId, string tool, string data, bool truncated = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        var attributes = $"step=\"{Attribute(stepId)}\" tool=\"{Attribute(tool)}\"" + (truncated ? " truncated=\"true\"" : string.Empty);
        return $"<{Tag} {attributes}>\n{Escape(data)}\n</{Tag}>";
    }

    /// <summary>Compact JSON text of a tool's output, as placed in a block.</summary>
    public static string Json(JsonElement element) => JsonSerializer.Serialize(element, Compact);

    /// <summary>Defuses every opening or closing delimiter in <paramref name="data"/>, in any letter case or spacing.</summary>
    public static string Escape(string data) => Delimiter().Replace(data, match => "&lt;" + match.Value[1..]);

    private static string Attribute(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    [GeneratedRegex(@"<\s*/?\s*untrusted-tool-output", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Delimiter();
}
