using System.Security.Cryptography;
using System.Text;
using FunctionAgents.Runtime.Forensics.Verification;

namespace FunctionAgents.Runtime.Forensics.Signing;

/// <summary>
/// The private key that signs chain checkpoints (ECDSA P-256). It is held outside the journal's storage account (a Key
/// Vault secret in Azure, a setting or a file locally), so someone who can rewrite the journal and its checkpoints cannot
/// sign the result; anyone holding the public key (<see cref="PublicKeyPem"/>) can tell.
/// </summary>
public sealed class CheckpointSigningKey : IDisposable
{
    /// <summary>Fewest characters of a seed: a GUID (what infra seeds the secret with) has 36.</summary>
    public const int MinimumSeedLength = 32;

    private const string SeedDomain = "FunctionAgents checkpoint signing key v1\n";
    private readonly ECDsa _key;

    private CheckpointSigningKey(ECDsa key)
    {
        _key = key;
        var spki = key.ExportSubjectPublicKeyInfo();
        KeyId = CheckpointSignature.KeyIdOf(spki);
        PublicKeyPem = PemEncoding.WriteString("PUBLIC KEY", spki);
    }

    /// <summary>The key id every checkpoint it signs carries (<see cref="CheckpointSignature.KeyIdOf"/>).</summary>
    public string KeyId { get; }

    /// <summary>The public key as a PEM <c>PUBLIC KEY</c> (SubjectPublicKeyInfo): what a verifier trusts.</summary>
    public string PublicKeyPem { get; }

    /// <summary>A fresh random key as PKCS#8 PEM (<c>PRIVATE KEY</c>).</summary>
    public static string NewPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    /// <summary>
    /// Reads a key from text: a PEM private key (PKCS#8 <c>PRIVATE KEY</c> or SEC1 <c>EC PRIVATE KEY</c>) on P-256, or a
    /// seed of at least <see cref="MinimumSeedLength"/> characters whose SHA-256 is the private scalar (what infra seeds
    /// the Key Vault secret with, Bicep having no way to make a key pair).
    /// </summary>
    /// <param name="source">Names where the text came from (a setting or a file) in errors; the text itself is never repeated.</param>
    /// <exception cref="FormatException">The text is not such a key.</exception>
    public static CheckpointSigningKey FromText(string source, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            var key = ECDsa.Create();
            try
            {
                key.ImportFromPem(trimmed);
            }
            catch (Exception ex) when (ex is ArgumentException or CryptographicException)
            {
                key.Dispose();
                throw new FormatException($"{source} is not a PEM EC private key: {ex.Message.Split('\n')[0].Trim()}", ex);
            }

            var parameters = key.ExportParameters(includePrivateParameters: false);
            if (!parameters.Curve.IsNamed || parameters.Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                key.Dispose();
                throw new FormatException($"{source} is not a P-256 (secp256r1) key; checkpoints are signed with ECDSA P-256.");
            }

            try
            {
                _ = key.ExportParameters(includePrivateParameters: true);
            }
            catch (CryptographicException ex)
            {
                key.Dispose();
                throw new FormatException($"{source} holds a public key only; signing needs the private key.", ex);
            }

            return new CheckpointSigningKey(key);
        }

        if (trimmed.Length < MinimumSeedLength)
        {
            throw new FormatException($"{source} is neither a PEM EC private key nor a seed of at least {MinimumSeedLength} characters.");
        }

        var scalar = SHA256.HashData(Encoding.UTF8.GetBytes(SeedDomain + trimmed));
        return new CheckpointSigningKey(ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = scalar }));
    }

    /// <summary>The checkpoint with this key's id and its signature (<see cref="CheckpointSignature"/>).</summary>
    public ChainCheckpoint Sign(ChainCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var signature = _key.SignData(CheckpointSignature.Message(checkpoint), HashAlgorithmName.SHA256, CheckpointSignature.Format);
        return checkpoint with { KeyId = KeyId, Signature = Convert.ToBase64String(signature) };
    }

    public void Dispose() => _key.Dispose();
}
