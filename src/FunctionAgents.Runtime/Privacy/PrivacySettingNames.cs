namespace FunctionAgents.Runtime.Privacy;

/// <summary>The app settings of personal-data protection (docs/privacy.md).</summary>
public static class PrivacySettingNames
{
    /// <summary>The key-encryption key as base64 of 32 bytes (local development; prefer Key Vault in Azure).</summary>
    public const string Kek = "FA_PRIVACY_KEK";

    /// <summary>A file holding the base64 KEK; created with a fresh random key when missing.</summary>
    public const string KekFile = "FA_PRIVACY_KEK_FILE";

    /// <summary>The Key Vault (https://NAME.vault.azure.net/) whose secret holds the base64 KEK.</summary>
    public const string KeyVaultUri = "FA_PRIVACY_KEYVAULT_URI";

    /// <summary>The Key Vault secret's name; default <c>fa-privacy-kek</c>.</summary>
    public const string KekSecretName = "FA_PRIVACY_KEK_SECRET";

    /// <summary>Set to <c>false</c> to store personal data in the clear (tests of legacy journals only).</summary>
    public const string Enabled = "FA_PRIVACY_ENABLED";

    /// <summary><c>name:key</c> pairs separated by commas: the admin keys that may erase data subjects.</summary>
    public const string AdminKeys = "FA_ADMIN_KEYS";

    /// <summary>The default Key Vault secret name.</summary>
    public const string DefaultKekSecretName = "fa-privacy-kek";
}
