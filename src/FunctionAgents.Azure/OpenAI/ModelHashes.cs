using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>The SHA-256 hashes ModelCalled records, as lowercase hex.</summary>
internal static class ModelHashes
{
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// Hash of the messages serialized as a compact JSON array of <c>{"role","content"}</c> objects, in order:
    /// the same messages always give the same hash, and any change to any of them gives another.
    /// </summary>
    public static string OfMessages(IEnumerable<ModelMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var message in messages)
            {
                writer.WriteStartObject();
                writer.WriteString("role", message.Role);
                writer.WriteString("content", message.Content);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }
}
