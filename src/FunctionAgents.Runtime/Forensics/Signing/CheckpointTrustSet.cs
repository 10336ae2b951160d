using System.Security.Cryptography;
using FunctionAgents.Runtime.Forensics.Verification;

namespace FunctionAgents.Runtime.Forensics.Signing;

/// <summary>
/// The public keys a verifier trusts, by key id. Old keys stay in the set after a rotation, so checkpoints signed before
/// it still verify; a key that signed nothing it should have is simply not added.
/// </summary>
public sealed class CheckpointTrustSet : IDisposable
{
    private readonly Dictionary<string, ECDsa> _keys = new(StringComparer.Ordinal);

    /// <summary>The trusted key ids.</summary>
    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    /// <summary>Reads each file as a PEM public key (<c>PUBLIC KEY</c>; a private key file is accepted and only its public half kept).</summary>
    /// <exception cref="FormatException">A file is missing or not a P-256 key; the message names the file.</exception>
    public static CheckpointTrustSet FromFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var set = new CheckpointTrustSet();
        foreach (var path in paths)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                set.Dispose();
                throw new FormatException($"trust key file {path} cannot be read: {ex.Message}", ex);
            }

            try
            {
                set.Add(text, $"trust key file {path}");
            }
            catch (FormatException)
            {
                set.Dispose();
                throw;
            }
        }

        return set;
    }

    /// <summary>Adds a PEM public key; returns its key id.</summary>
    /// <exception cref="FormatException">The text is not a P-256 public key; the message names <paramref name="source"/>.</exception>
    public string Add(string pem, string source)
    {
        ArgumentNullException.ThrowIfNull(pem);
        ArgumentException.ThrowIfNullOrEmpty(source);
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            var parameters = key.ExportParameters(includePrivateParameters: false);
            if (!parameters.Curve.IsNamed || parameters.Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                throw new FormatException($"{source} is not a P-256 (secp256r1) key.");
            }

            // Keep only the public half, whatever the file held.
            var spki = key.ExportSubjectPublicKeyInfo();
            var publicOnly = ECDsa.Create();
            publicOnly.ImportSubjectPublicKeyInfo(spki, out _);
            var keyId = CheckpointSignature.KeyIdOf(spki);
            if (_keys.Remove(keyId, out var previous))
            {
                previous.Dispose();
            }

            _keys[keyId] = publicOnly;
            return keyId;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            throw new FormatException($"{source} is not a PEM EC public key: {ex.Message.Split('\n')[0].Trim()}", ex);
        }
        finally
        {
            key.Dispose();
        }
    }

    /// <summary>Why <paramref name="checkpoint"/> is not vouched for by a trusted key, or null when its signature verifies.</summary>
    public string? Check(ChainCheckpoint checkpoint)
    {
        if (CheckKey(checkpoint) is { } reason)
        {
            return reason;
        }

        var key = _keys[checkpoint.KeyId!];

        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(checkpoint.Signature!);
        }
        catch (FormatException)
        {
            return $"the checkpoint at Seq {checkpoint.Seq} has a signature that is not base64";
        }

        return key.VerifyData(CheckpointSignature.Message(checkpoint), signature, HashAlgorithmName.SHA256, CheckpointSignature.Format)
            ? null
            : $"the signature of the checkpoint at Seq {checkpoint.Seq} (key {checkpoint.KeyId}) does not match its run, tenant, Seq, hash and time";
    }

    /// <summary>
    /// The cheap part of <see cref="Check"/>: the checkpoint carries a signature and names a trusted key (no signature
    /// math). Null when both hold.
    /// </summary>
    public string? CheckKey(ChainCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (string.IsNullOrEmpty(checkpoint.Signature) || string.IsNullOrEmpty(checkpoint.KeyId))
        {
            return $"the checkpoint at Seq {checkpoint.Seq} is not signed";
        }

        return _keys.ContainsKey(checkpoint.KeyId)
            ? null
            : $"the checkpoint at Seq {checkpoint.Seq} is signed by key {checkpoint.KeyId}, which is not a trusted key";
    }

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }

        _keys.Clear();
    }
}
