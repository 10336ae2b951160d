namespace FunctionAgents.Runtime.Privacy;

/// <summary>A data subject's 256-bit data key, unwrapped, and the id its ciphertexts name.</summary>
public sealed class DataKey
{
    /// <summary>The length of every data key, in bytes.</summary>
    public const int Size = 32;

    public DataKey(string keyId, byte[] material)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        ArgumentNullException.ThrowIfNull(material);
        if (material.Length != Size)
        {
            throw new ArgumentException($"A data key is {Size} bytes; got {material.Length}.", nameof(material));
        }

        KeyId = keyId;
        Material = material;
    }

    /// <summary>A random id (older keys) or one derived from a hash of tenant and run (a run's key), never from the subject, so ciphertexts name no person.</summary>
    public string KeyId { get; }

    public byte[] Material { get; }
}
