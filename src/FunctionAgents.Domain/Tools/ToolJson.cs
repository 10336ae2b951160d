using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace FunctionAgents.Domain.Tools;

/// <summary>Reading tool inputs and writing tool outputs as standalone <see cref="JsonElement"/>s.</summary>
public static class ToolJson
{
    /// <summary>Parses a schema literal once; the element outlives any document.</summary>
    public static JsonElement Parse(string json) => JsonSerializer.Deserialize<JsonElement>(json);

    public static JsonElement Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return JsonSerializer.Deserialize<JsonElement>(buffer.WrittenSpan);
    }

    /// <summary>A required, non-blank string of at most <paramref name="maxLength"/> characters.</summary>
    public static string RequiredString(JsonElement input, string name, int maxLength)
    {
        if (input.ValueKind != JsonValueKind.Object
            || !input.TryGetProperty(name, out var value)
            || value.ValueKind != JsonValueKind.String)
        {
            throw new ToolInputException($"'{name}' must be a string.");
        }

        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ToolInputException($"'{name}' must not be empty.");
        }

        if (text.Length > maxLength)
        {
            throw new ToolInputException(
                $"'{name}' must be at most {maxLength.ToString(CultureInfo.InvariantCulture)} characters, got {text.Length.ToString(CultureInfo.InvariantCulture)}.");
        }

        return text;
    }

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/> when absent or null.</summary>
    public static int OptionalInt(JsonElement input, string name, int fallback, int min, int max)
    {
        if (!input.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || number != Math.Floor(number))
        {
            throw new ToolInputException($"'{name}' must be an integer or null.");
        }

        if (number < min || number > max)
        {
            throw new ToolInputException(
                $"'{name}' must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}.");
        }

        return (int)number;
    }
}
