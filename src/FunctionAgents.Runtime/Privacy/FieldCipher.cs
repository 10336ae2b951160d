using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace FunctionAgents.Runtime.Privacy;

/// <summary>
/// Encrypts one payload value with a subject's data key (AES-256-GCM) into the self-describing envelope
/// <c>{"$enc":1,"kid":"…","nonce":"…","ct":"…"}</c>, and back. The associated data binds the ciphertext to its
/// run, Seq, event type and field, so it cannot be moved elsewhere in the journal and still decrypt.
/// </summary>
/// <remarks>
/// The nonce is synthetic: an HMAC of the associated data and the plaintext under a key derived from the data key.
/// A retried activity that seals the very same events therefore produces the very same ciphertext and hash (the
/// journal treats it as "already written"), and a nonce only ever repeats for an identical plaintext at the same place.
/// </remarks>
public static class FieldCipher
{
    /// <summary>The property that marks an encrypted value.</summary>
    public const string Marker = "$enc";

    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] NonceLabel = "functionagents/field-nonce/v1"u8.ToArray();

    /// <summary>The associated data of a field: run, Seq, event type and path.</summary>
    public static string Context(string runId, long seq, string eventType, string path) =>
        string.Join('\n', runId, seq.ToString(System.Globalization.CultureInfo.InvariantCulture), eventType, path);

    /// <summary>The envelope of <paramref name="value"/> (its JSON text) under <paramref name="key"/>, bound to <paramref name="context"/>.</summary>
    public static JsonObject Encrypt(DataKey key, string context, JsonNode value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var plaintext = Encoding.UTF8.GetBytes(value.ToJsonString());
        var aad = Encoding.UTF8.GetBytes(context);
        var nonce = SyntheticNonce(key.Material, aad, plaintext);
        var output = new byte[plaintext.Length + TagSize];
        using (var gcm = new AesGcm(key.Material, TagSize))
        {
            gcm.Encrypt(nonce, plaintext, output.AsSpan(0, plaintext.Length), output.AsSpan(plaintext.Length), aad);
        }

        return new JsonObject
        {
            [Marker] = 1,
            ["kid"] = key.KeyId,
            ["nonce"] = Convert.ToBase64String(nonce),
            ["ct"] = Convert.ToBase64String(output),
        };
    }

    /// <summary>True when <paramref name="node"/> is an envelope; <paramref name="keyId"/> names the data key.</summary>
    public static bool IsEnvelope(JsonNode? node, out string keyId)
    {
        keyId = string.Empty;
        if (node is JsonObject obj && obj.ContainsKey(Marker) && obj["kid"] is JsonValue kid && kid.TryGetValue<string>(out var id))
        {
            keyId = id;
            return true;
        }

        return false;
    }

    /// <summary>The value an envelope holds, given the key it names and the context it was written in.</summary>
    /// <exception cref="CryptographicException">The envelope was altered, moved, or the key is not the one it names.</exception>
    public static JsonNode? Decrypt(DataKey key, string context, JsonObject envelope)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(envelope);
        var nonce = Convert.FromBase64String(envelope["nonce"]!.GetValue<string>());
        var sealedBytes = Convert.FromBase64String(envelope["ct"]!.GetValue<string>());
        if (sealedBytes.Length < TagSize)
        {
            throw new CryptographicException("The encrypted field is shorter than its authentication tag.");
        }

        var plaintext = new byte[sealedBytes.Length - TagSize];
        using (var gcm = new AesGcm(key.Material, TagSize))
        {
            gcm.Decrypt(nonce, sealedBytes.AsSpan(0, plaintext.Length), sealedBytes.AsSpan(plaintext.Length), plaintext, Encoding.UTF8.GetBytes(context));
        }

        return JsonNode.Parse(plaintext);
    }

    private static byte[] SyntheticNonce(byte[] keyMaterial, byte[] aad, byte[] plaintext)
    {
        var nonceKey = HMACSHA256.HashData(keyMaterial, NonceLabel);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, nonceKey);
        hmac.AppendData(BitConverter.GetBytes(aad.Length));
        hmac.AppendData(aad);
        hmac.AppendData(plaintext);
        return hmac.GetHashAndReset()[..NonceSize];
    }
}
