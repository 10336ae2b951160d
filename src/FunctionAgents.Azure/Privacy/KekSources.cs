using Azure.Core;
using Azure.Security.KeyVault.Secrets;
using FunctionAgents.Runtime.Privacy;

namespace FunctionAgents.Azure.Privacy;

/// <summary>
/// Where the key-encryption key comes from, in order: <c>FA_PRIVACY_KEK</c> (base64), a Key Vault secret
/// (<c>FA_PRIVACY_KEYVAULT_URI</c> + <c>FA_PRIVACY_KEK_SECRET</c>, read with the app's identity), or a KEK file
/// (<c>FA_PRIVACY_KEK_FILE</c>, else the host's default), created with a fresh random key the first time.
/// </summary>
public static class KekSources
{
    /// <summary>The KEK loader the settings select, or null when none is configured.</summary>
    /// <exception cref="FormatException">A KEK setting is malformed; the message names it (never its value).</exception>
    public static Func<CancellationToken, Task<KeyEncryptionKey>>? Select(Func<string, string?> getSetting, TokenCredential credential, string? defaultKekFile = null)
    {
        ArgumentNullException.ThrowIfNull(getSetting);
        if (getSetting(PrivacySettingNames.Kek) is { Length: > 0 } base64)
        {
            var kek = KeyEncryptionKey.FromBase64(PrivacySettingNames.Kek, base64);
            return _ => Task.FromResult(kek);
        }

        if (getSetting(PrivacySettingNames.KeyVaultUri) is { Length: > 0 } vault)
        {
            if (!Uri.TryCreate(vault, UriKind.Absolute, out var vaultUri) || vaultUri.Scheme != Uri.UriSchemeHttps)
            {
                throw new FormatException($"{PrivacySettingNames.KeyVaultUri} must be an https URI such as https://NAME.vault.azure.net/.");
            }

            var name = getSetting(PrivacySettingNames.KekSecretName) is { Length: > 0 } n ? n : PrivacySettingNames.DefaultKekSecretName;
            return cancellationToken => FromKeyVaultAsync(new SecretClient(vaultUri, credential), name, cancellationToken);
        }

        return (getSetting(PrivacySettingNames.KekFile) is { Length: > 0 } file ? file : defaultKekFile) is { } path
            ? cancellationToken => FromFileAsync(path, cancellationToken)
            : null;
    }

    private static async Task<KeyEncryptionKey> FromKeyVaultAsync(SecretClient client, string name, CancellationToken cancellationToken)
    {
        KeyVaultSecret secret = await client.GetSecretAsync(name, cancellationToken: cancellationToken);
        return KeyEncryptionKey.FromBase64($"keyvault:{name}/{secret.Properties.Version}", secret.Value);
    }

    private static async Task<KeyEncryptionKey> FromFileAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                await using var stream = new FileStream(path, options);
                await using var writer = new StreamWriter(stream);
                await writer.WriteAsync(KeyEncryptionKey.NewBase64());
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; read theirs.
            }
        }

        return KeyEncryptionKey.FromBase64("file:" + Path.GetFileName(path), await File.ReadAllTextAsync(path, cancellationToken));
    }
}
