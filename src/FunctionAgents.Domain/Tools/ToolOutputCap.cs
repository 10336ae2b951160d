using System.Buffers;
using System.Text;
using System.Text.Json;

namespace FunctionAgents.Domain.Tools;

/// <summary>
/// Fits a tool's output under its byte cap: list-shaped outputs (<c>{ results: [...] }</c>,
/// <c>{ rows: [...] }</c>) keep the longest prefix of items that fits and say <c>truncated: true</c>;
/// anything else becomes a string holding the longest prefix of its JSON text that fits.
/// </summary>
public static class ToolOutputCap
{
    private static readonly string[] ListProperties = ["results", "rows"];

    public static int SizeOf(JsonElement element) => JsonSerializer.SerializeToUtf8Bytes(element).Length;

    /// <summary>Returns the output unchanged when it fits, otherwise a cut version and <c>true</c>.</summary>
    public static (JsonElement Output, bool Truncated) Apply(JsonElement output, int capBytes)
    {
        var serialized = JsonSerializer.SerializeToUtf8Bytes(output);
        if (serialized.Length <= capBytes)
        {
            return (output, false);
        }

        if (TryCutList(output, capBytes, out var cut))
        {
            return (cut, true);
        }

        return (CutText(Encoding.UTF8.GetString(serialized), capBytes), true);
    }

    private static bool TryCutList(JsonElement output, int capBytes, out JsonElement cut)
    {
        cut = default;
        if (output.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var listName = ListProperties.FirstOrDefault(
            name => output.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array);
        if (listName is null)
        {
            return false;
        }

        var items = output.GetProperty(listName).EnumerateArray().ToArray();

        // Compact JSON is additive: the wrapper with an empty list, plus each item, plus a comma between items.
        var wrapperBytes = Build(output, listName, items, 0).Length;
        var count = 0;
        var total = wrapperBytes;
        while (count < items.Length)
        {
            var next = total + SizeOf(items[count]) + (count > 0 ? 1 : 0);
            if (next > capBytes)
            {
                break;
            }

            total = next;
            count++;
        }

        var bytes = Build(output, listName, items, count);
        while (bytes.Length > capBytes && count > 0)
        {
            count--;
            bytes = Build(output, listName, items, count);
        }

        if (bytes.Length > capBytes)
        {
            return false;
        }

        cut = JsonSerializer.Deserialize<JsonElement>(bytes);
        return true;
    }

    private static byte[] Build(JsonElement output, string listName, JsonElement[] items, int count)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            var wroteFlag = false;
            foreach (var property in output.EnumerateObject())
            {
                if (property.NameEquals(listName))
                {
                    writer.WriteStartArray(property.Name);
                    for (var i = 0; i < count; i++)
                    {
                        items[i].WriteTo(writer);
                    }

                    writer.WriteEndArray();
                }
                else if (property.NameEquals("truncated"))
                {
                    writer.WriteBoolean(property.Name, true);
                    wroteFlag = true;
                }
                else
                {
                    property.WriteTo(writer);
                }
            }

            if (!wroteFlag)
            {
                writer.WriteBoolean("truncated", true);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static JsonElement CutText(string text, int capBytes)
    {
        // Escaping makes the serialized size depend on content, so search on the real serialized size.
        int low = 0, high = text.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (JsonSerializer.SerializeToUtf8Bytes(Prefix(text, mid)).Length <= capBytes)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return JsonSerializer.SerializeToElement(Prefix(text, low));
    }

    private static string Prefix(string text, int length)
    {
        if (length > 0 && length < text.Length && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return text[..length];
    }
}
