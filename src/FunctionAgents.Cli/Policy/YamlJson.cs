using System.Buffers;
using System.Globalization;
using System.Text.Json;
using FunctionAgents.Domain.Policy;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FunctionAgents.Cli.Policy;

/// <summary>
/// Turns a YAML node into the JSON value a tool input is: plain scalars that read as numbers, booleans or null
/// become those; quoted scalars stay strings.
/// </summary>
internal static class YamlJson
{
    public static JsonElement ToJson(YamlNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            YamlJsonWriter.Write(writer, node, WriteScalar);
        }

        return JsonSerializer.Deserialize<JsonElement>(buffer.WrittenSpan);
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            writer.WriteStringValue(text);
        }
        else if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            writer.WriteNullValue();
        }
        else if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            writer.WriteBooleanValue(text.StartsWith('t') || text.StartsWith('T'));
        }
        else if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }
}
