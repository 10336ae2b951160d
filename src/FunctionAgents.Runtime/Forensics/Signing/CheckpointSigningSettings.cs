namespace FunctionAgents.Runtime.Forensics.Signing;

/// <summary>
/// Where the checkpoint signing key comes from, in order: <c>FA_CHECKPOINT_SIGNING_KEY</c> (PEM or a seed; in Azure a
/// Key Vault reference to the secret <c>fa-checkpoint-signing-key</c>), <c>FA_CHECKPOINT_SIGNING_KEY_FILE</c> (a PEM
/// file), else the host's default file, created with a fresh key on first use. And which public keys a verifier trusts
/// (<c>FA_TRUST_KEYS</c>).
/// </summary>
public static class CheckpointSigningSettings
{
    /// <summary>The signing key as text: a PEM EC private key (P-256) or a seed of at least 32 characters.</summary>
    public const string Key = "FA_CHECKPOINT_SIGNING_KEY";

    /// <summary>A file holding the PEM signing key; created with a fresh key when missing.</summary>
    public const string KeyFile = "FA_CHECKPOINT_SIGNING_KEY_FILE";

    /// <summary>Public key files a verifier trusts (<c>fa verify</c>), separated by <c>;</c>.</summary>
    public const string TrustKeys = "FA_TRUST_KEYS";

    /// <summary>
    /// How often a run's chain is checkpointed: at every append that reaches a multiple of this many events, and always at
    /// the append that ends the run. A whole number from 1 (every append) to 1000; default <see cref="DefaultEvery"/>.
    /// </summary>
    public const string Every = "FA_CHECKPOINT_EVERY";

    /// <summary>The default of <see cref="Every"/>: a checkpoint request per 16 events instead of one per append.</summary>
    public const int DefaultEvery = 16;

    /// <summary>The Key Vault secret infra creates for <see cref="Key"/>.</summary>
    public const string DefaultSecretName = "fa-checkpoint-signing-key";

    /// <summary>The default key file's name in the data folder (FA_DATA_PATH).</summary>
    public const string DefaultFileName = "checkpoint-signing-key.pem";

    /// <summary>The default key file: <see cref="DefaultFileName"/> in <paramref name="dataPath"/>, else in a <c>functionagents</c> folder under the temp path (as the KEK file).</summary>
    public static string DefaultFile(string? dataPath) =>
        Path.Combine(dataPath ?? Path.Combine(Path.GetTempPath(), "functionagents"), DefaultFileName);

    /// <summary>The configured signing key, or null when none is set and there is no <paramref name="defaultFile"/>.</summary>
    /// <param name="createIfMissing">Create the key file with a fresh key when it does not exist (a host); a reader passes false.</param>
    /// <exception cref="FormatException">The key cannot be read or is malformed; one line naming the setting or file (never the key).</exception>
    public static CheckpointSigningKey? Load(Func<string, string?> getSetting, string? defaultFile, bool createIfMissing = true)
    {
        ArgumentNullException.ThrowIfNull(getSetting);
        if (getSetting(Key) is { Length: > 0 } text)
        {
            return CheckpointSigningKey.FromText(Key, text);
        }

        var (path, source) = getSetting(KeyFile) is { Length: > 0 } file ? (file, $"{KeyFile} ({file})") : (defaultFile, $"the checkpoint signing key file {defaultFile}");
        if (path is null || (!createIfMissing && !File.Exists(path)))
        {
            return null;
        }

        try
        {
            if (createIfMissing && !File.Exists(path))
            {
                Create(path);
            }

            return CheckpointSigningKey.FromText(source, File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"{source} cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>Reads <see cref="Every"/>; blank means <see cref="DefaultEvery"/>.</summary>
    /// <exception cref="FormatException">The value is not a whole number from 1 to 1000; the message names the setting.</exception>
    public static int ReadEvery(Func<string, string?> getSetting)
    {
        ArgumentNullException.ThrowIfNull(getSetting);
        var text = getSetting(Every);
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultEvery;
        }

        return int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var every) && every is >= 1 and <= 1000
            ? every
            : throw new FormatException($"{Every} must be a whole number of events from 1 to 1000, not '{text}'.");
    }

    /// <summary>The trusted public key files named by <see cref="TrustKeys"/> (may be empty).</summary>
    public static IReadOnlyList<string> TrustKeyFiles(Func<string, string?> getSetting)
    {
        ArgumentNullException.ThrowIfNull(getSetting);
        return getSetting(TrustKeys) is { Length: > 0 } list
            ? list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
    }

    private static void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.Write(CheckpointSigningKey.NewPem());
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; read theirs.
        }
    }
}
