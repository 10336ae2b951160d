using System.Security.Cryptography;

namespace FunctionAgents.Runtime.Privacy;

/// <summary>
/// The key-encryption key (KEK): wraps and unwraps data keys with AES-256-GCM. It never leaves memory; only
/// wrapped data keys are stored. Locally it comes from a setting or a file, in Azure from a Key Vault secret.
/// </summary>
public sealed class KeyEncryptionKey
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _material;

    /// <param name="keyId">Names this KEK in every wrapped key, so a rotation can tell old wraps from new.</param>
    public KeyEncryptionKey(string keyId, byte[] material)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        ArgumentNullException.ThrowIfNull(material);
        if (material.Length != 32)
        {
            throw new ArgumentException($"The key-encryption key must be 32 bytes (256 bits); got {material.Length}.", nameof(material));
        }

        KeyId = keyId;
        _material = material;
    }

    public string KeyId { get; }

    /// <summary>Reads a KEK from base64 text (a setting or a Key Vault secret value).</summary>
    /// <exception cref="FormatException">The text is not base64 of 32 bytes; the message says so without repeating it.</exception>
    public static KeyEncryptionKey FromBase64(string keyId, string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException ex)
        {
            throw new FormatException($"The key-encryption key '{keyId}' is not base64 text.", ex);
        }

        return bytes.Length == 32
            ? new KeyEncryptionKey(keyId, bytes)
            : throw new FormatException($"The key-encryption key '{keyId}' must decode to 32 bytes; it decodes to {bytes.Length}.");
    }

    /// <summary>A fresh random KEK as base64 (for <c>FA_PRIVACY_KEK</c> or a Key Vault secret).</summary>
    public static string NewBase64() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Encrypts a data key; <paramref name="context"/> (key id and subject reference) must be given again to unwrap it.</summary>
    public byte[] Wrap(byte[] dataKey, string context)
    {
        ArgumentNullException.ThrowIfNull(dataKey);
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var output = new byte[NonceSize + dataKey.Length + TagSize];
        nonce.CopyTo(output, 0);
        using var gcm = new AesGcm(_material, TagSize);
        gcm.Encrypt(nonce, dataKey, output.AsSpan(NonceSize, dataKey.Length), output.AsSpan(NonceSize + dataKey.Length), System.Text.Encoding.UTF8.GetBytes(context));
        return output;
    }

    /// <summary>Decrypts a data key wrapped by <see cref="Wrap"/> with the same context.</summary>
    /// <exception cref="CryptographicException">The wrap was altered or made by another KEK.</exception>
    public byte[] Unwrap(byte[] wrapped, string context)
    {
        ArgumentNullException.ThrowIfNull(wrapped);
        if (wrapped.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The wrapped data key is truncated.");
        }

        var length = wrapped.Length - NonceSize - TagSize;
        var dataKey = new byte[length];
        using var gcm = new AesGcm(_material, TagSize);
        gcm.Decrypt(wrapped.AsSpan(0, NonceSize), wrapped.AsSpan(NonceSize, length), wrapped.AsSpan(NonceSize + length), dataKey, System.Text.Encoding.UTF8.GetBytes(context));
        return dataKey;
    }
}
