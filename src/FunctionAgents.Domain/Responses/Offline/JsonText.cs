using System.Globalization;
using System.Text.Json;

namespace FunctionAgents.Domain.Responses.Offline;

/// <summary>Reads tool outputs defensively: a missing or odd-shaped value is null, never an exception.</summary>
internal static class JsonText
{
    public static string? Get(JsonElement? element, string name)
    {
        if (element is not { ValueKind: JsonValueKind.Object } obj || !obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
    }

    public static long? GetInt(JsonElement? element, string name) =>
        long.TryParse(Get(element, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static IReadOnlyList<JsonElement> Items(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } obj
        && obj.TryGetProperty(name, out var list)
        && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray()]
            : [];

    /// <summary>A row as <c>column = value</c> pairs for plain-text answers.</summary>
    public static string Row(JsonElement row) =>
        row.ValueKind != JsonValueKind.Object
            ? row.GetRawText()
            : string.Join(", ", row.EnumerateObject().Select(p =>
                $"{p.Name} = {(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())}"));

    /// <summary>The date part of an ISO-8601 or SQLite timestamp (<c>2026-11-10 11:32:00</c> becomes <c>2026-11-10</c>).</summary>
    public static string DateOf(string timestamp) =>
        timestamp.Length >= 10 && timestamp[4] == '-' && timestamp[7] == '-' ? timestamp[..10] : timestamp;
}
