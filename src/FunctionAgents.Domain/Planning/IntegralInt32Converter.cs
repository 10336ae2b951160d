using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionAgents.Domain.Planning;

/// <summary>
/// Reads an <see cref="int"/> from any JSON number without a fractional part (<c>3.0</c> too), matching JSON Schema's
/// <c>integer</c>, so a plan the validator accepted always deserializes.
/// </summary>
internal sealed class IntegralInt32Converter : JsonConverter<int>
{
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetInt32(out var value))
            {
                return value;
            }

            if (reader.TryGetDecimal(out var d) && decimal.Truncate(d) == d && d is >= int.MinValue and <= int.MaxValue)
            {
                return (int)d;
            }
        }

        throw new JsonException("Expected a whole number that fits in 32 bits.");
    }

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value);
    }
}
