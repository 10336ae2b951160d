namespace FunctionAgents.Domain.Schema;

/// <summary>Builds the JSON paths used in violations: <c>$.a.b</c>, <c>$.a[3]</c>, <c>$['odd key']</c>.</summary>
internal static class JsonPathText
{
    public const string Root = "$";

    public static string Property(string parent, string name)
    {
        if (IsPlainName(name))
        {
            return parent + "." + name;
        }

        var escaped = name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
        return parent + "['" + escaped + "']";
    }

    public static string Index(string parent, int index) =>
        parent + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '$')
            {
                return false;
            }
        }

        return true;
    }
}
