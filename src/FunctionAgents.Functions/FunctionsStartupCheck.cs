using FunctionAgents.Domain.Privacy;
using FunctionAgents.Http.Auth;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Runtime.Forensics.Signing;

namespace FunctionAgents.Functions;

/// <summary>
/// What the Functions app refuses to start without. In every environment: the settings the host resolves in trigger
/// attributes. Outside Development: API keys (without them every call answers 401) and a configured privacy key
/// (without one personal data would be stored in the clear) and a checkpoint signing key. Whether the configured key can be read is checked when
/// the host starts (FunctionAgents.Azure's KEK startup check).
/// </summary>
internal static class FunctionsStartupCheck
{
    /// <summary>The Functions host's own environment setting; Core Tools set it to Development.</summary>
    public const string FunctionsEnvironment = "AZURE_FUNCTIONS_ENVIRONMENT";

    /// <exception cref="FunctionsStartupException">The one-line reason.</exception>
    public static void Validate(Func<string, string?> getSetting, bool isDevelopment)
    {
        ArgumentNullException.ThrowIfNull(getSetting);
        foreach (var name in FunctionsBindingSettings.Required)
        {
            if (string.IsNullOrWhiteSpace(getSetting(name)))
            {
                throw new FunctionsStartupException($"{name} is not set: the Functions host resolves it in a trigger binding (infra sets it; docs/deploy.md).");
            }
        }

        isDevelopment |= string.Equals(getSetting(FunctionsEnvironment), "Development", StringComparison.OrdinalIgnoreCase);
        if (isDevelopment)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(getSetting(ApiKeyRing.Setting)))
        {
            throw new FunctionsStartupException(
                $"{ApiKeyRing.Setting} is not set: every call would answer 401. Set it to tenant:key pairs (infra references a Key Vault secret; docs/deploy.md).");
        }

        var privacyOff = string.Equals(getSetting(PrivacySettingNames.Enabled), "false", StringComparison.OrdinalIgnoreCase);
        var kekConfigured = new[] { PrivacySettingNames.Kek, PrivacySettingNames.KeyVaultUri, PrivacySettingNames.KekFile }
            .Any(name => !string.IsNullOrWhiteSpace(getSetting(name)));
        if (!privacyOff && !kekConfigured)
        {
            throw new FunctionsStartupException(
                $"no privacy key is configured: personal data would be stored in the clear. Set {PrivacySettingNames.KeyVaultUri} (infra does) or, deliberately, {PrivacySettingNames.Enabled}=false.");
        }

        // A key file on an instance's disk would be lost with the instance and readable by whoever has the storage account's
        // file share; outside Development the signing key is a setting (infra: a Key Vault reference).
        if (string.IsNullOrWhiteSpace(getSetting(CheckpointSigningSettings.Key)) && string.IsNullOrWhiteSpace(getSetting(CheckpointSigningSettings.KeyFile)))
        {
            throw new FunctionsStartupException(
                $"{CheckpointSigningSettings.Key} is not set: chain checkpoints must be signed with a key held outside the storage account (infra references the Key Vault secret {CheckpointSigningSettings.DefaultSecretName}; docs/forensics.md).");
        }
    }
}
