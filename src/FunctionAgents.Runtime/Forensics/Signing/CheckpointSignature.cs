using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FunctionAgents.Runtime.Forensics.Verification;

namespace FunctionAgents.Runtime.Forensics.Signing;

/// <summary>
/// The signature contract of a chain checkpoint (docs/forensics.md, "Signed checkpoints"), small enough to re-implement
/// in any language: ECDSA P-256 with SHA-256 over the UTF-8 bytes of
/// <c>fa-checkpoint-v1\n{runId}\n{tenantId}\n{seq}\n{hash}\n{occurredAt}</c> (Seq in decimal, Hash as stored: 64
/// lowercase hex digits, OccurredAt as UTC <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>); the signature is IEEE P1363 (r then s,
/// 32 bytes each, big-endian) in base64; the key id is the first 16 bytes of SHA-256 of the public key's DER
/// SubjectPublicKeyInfo, as 32 lowercase hex digits.
/// </summary>
public static class CheckpointSignature
{
    /// <summary>The first line of every signed message: names the format, so a later version cannot be confused with it.</summary>
    public const string Version = "fa-checkpoint-v1";

    /// <summary>The signature format: IEEE P1363 (r || s), never DER.</summary>
    public const DSASignatureFormat Format = DSASignatureFormat.IeeeP1363FixedFieldConcatenation;

    /// <summary>The exact bytes signed for <paramref name="checkpoint"/>.</summary>
    public static byte[] Message(ChainCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{Version}\n{checkpoint.RunId}\n{checkpoint.TenantId}\n{checkpoint.Seq}\n{checkpoint.Hash}\n{checkpoint.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)}");
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>The key id of a public key: the first 16 bytes of SHA-256 over its DER SubjectPublicKeyInfo, lowercase hex.</summary>
    public static string KeyIdOf(byte[] subjectPublicKeyInfo)
    {
        ArgumentNullException.ThrowIfNull(subjectPublicKeyInfo);
        return Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo).AsSpan(0, 16));
    }
}
