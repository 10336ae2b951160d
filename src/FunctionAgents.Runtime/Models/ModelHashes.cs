using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FunctionAgents.Runtime.Models;

/// <summary>The SHA-256 hashes ModelCalled records, as lowercase hex.</summary>
public static class ModelHashes
{
    /// <summary>SHA-256 of the UTF-8 text.</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// Hash of the messages serialized as a compact JSON array of <c>{"role","content"}</c> objects, in order:
    /// the same messages always give the same hash, and any change to any of them gives another. Journals recorded
    /// before the IChatClient port used the same form, so their request hashes still match.
    /// </summary>
    public static string OfMessages(IEnumerable<(string Role, string Content)> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var (role, content) in messages)
            {
                writer.WriteStartObject();
                writer.WriteString("role", role);
                writer.WriteString("content", content);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }
}
