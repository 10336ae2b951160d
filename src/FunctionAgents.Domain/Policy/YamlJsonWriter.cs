using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace FunctionAgents.Domain.Policy;

/// <summary>
/// Writes a YAML node as JSON: mappings become objects in file order, sequences become arrays, and the caller decides
/// how a scalar is written (the policy version writes every scalar as a string; the CLI's test cases read numbers and
/// booleans as such).
/// </summary>
public static class YamlJsonWriter
{
    public static void Write(Utf8JsonWriter writer, YamlNode node, Action<Utf8JsonWriter, YamlScalarNode> writeScalar)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(writeScalar);
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    writer.WritePropertyName(key is YamlScalarNode scalarKey ? scalarKey.Value ?? string.Empty : key.ToString());
                    Write(writer, value, writeScalar);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(writer, item, writeScalar);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                writeScalar(writer, scalar);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
