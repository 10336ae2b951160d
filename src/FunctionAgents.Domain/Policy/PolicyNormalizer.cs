using System.Buffers;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace FunctionAgents.Domain.Policy;

/// <summary>
/// Computes a policy's version: the lowercase hex SHA-256 of its canonical JSON, where mappings become objects in
/// file order, sequences become arrays and every scalar becomes a JSON string of its value. Comments, whitespace,
/// flow vs block style, quoting and anchors therefore do not change the version; any change of a key, value or rule
/// order does.
/// </summary>
internal static class PolicyNormalizer
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Version(YamlNode root)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            YamlJsonWriter.Write(writer, root, static (json, scalar) => json.WriteStringValue(scalar.Value ?? string.Empty));
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }
}
