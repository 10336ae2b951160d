using Azure.Core;
using Azure.Identity;

namespace FunctionAgents.Azure.Storage;

/// <summary>
/// Resolves a <see cref="StorageConnection"/> from app settings the way Azure Functions reads
/// <c>AzureWebJobsStorage</c>: a connection string when the setting holds one, otherwise the
/// identity-based form (<c>__accountName</c> or <c>__tableServiceUri</c> + <c>__queueServiceUri</c>,
/// optional <c>__credential=managedidentity</c> and <c>__clientId</c>). Nested names are looked up with
/// both the <c>__</c> (environment) and <c>:</c> (IConfiguration) separators.
/// </summary>
public static class StorageConnectionFactory
{
    /// <summary>The setting name the Functions host uses for its own storage.</summary>
    public const string DefaultConnectionName = "AzureWebJobsStorage";

    /// <param name="getSetting">Returns a setting's value or null, for example <c>name => configuration[name]</c>.</param>
    /// <param name="connectionName">The setting (prefix) to read.</param>
    /// <exception cref="InvalidOperationException">Neither form is configured.</exception>
    /// <exception cref="FormatException">A setting is malformed.</exception>
    public static StorageConnection FromSettings(Func<string, string?> getSetting, string connectionName = DefaultConnectionName)
    {
        ArgumentNullException.ThrowIfNull(getSetting);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);

        var value = getSetting(connectionName);
        if (StorageConnection.LooksLikeConnectionString(value))
        {
            return StorageConnection.Parse(value!);
        }

        if (!string.IsNullOrWhiteSpace(value))
        {
            throw new FormatException($"Setting {connectionName} is set but is not a connection string.");
        }

        string? Nested(string name) => getSetting($"{connectionName}__{name}") ?? getSetting($"{connectionName}:{name}");

        var account = Nested("accountName");
        var tableUri = Nested("tableServiceUri");
        var queueUri = Nested("queueServiceUri");
        if (string.IsNullOrWhiteSpace(account) && (string.IsNullOrWhiteSpace(tableUri) || string.IsNullOrWhiteSpace(queueUri)))
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set {connectionName} to a connection string, or {connectionName}__accountName " +
                $"(or {connectionName}__tableServiceUri and {connectionName}__queueServiceUri) for an identity-based connection.");
        }

        var credential = CreateCredential(Nested("credential"), Nested("clientId"));
        if (!string.IsNullOrWhiteSpace(tableUri) && !string.IsNullOrWhiteSpace(queueUri))
        {
            return StorageConnection.FromTokenCredential(ParseUri(connectionName, "tableServiceUri", tableUri), ParseUri(connectionName, "queueServiceUri", queueUri), credential);
        }

        var byName = StorageConnection.FromTokenCredential(account!, credential);
        return StorageConnection.FromTokenCredential(
            string.IsNullOrWhiteSpace(tableUri) ? byName.TableEndpoint : ParseUri(connectionName, "tableServiceUri", tableUri),
            string.IsNullOrWhiteSpace(queueUri) ? byName.QueueEndpoint : ParseUri(connectionName, "queueServiceUri", queueUri),
            credential);
    }

    /// <summary>Reads the settings from a dictionary (keys compared as the dictionary compares them).</summary>
    public static StorageConnection FromSettings(IReadOnlyDictionary<string, string?> settings, string connectionName = DefaultConnectionName)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return FromSettings(name => settings.TryGetValue(name, out var v) ? v : null, connectionName);
    }

    /// <summary><c>managedidentity</c> means ManagedIdentityCredential only (user-assigned when a client id is given); no value means DefaultAzureCredential.</summary>
    internal static TokenCredential CreateCredential(string? credentialKind, string? clientId)
    {
        var hasClientId = !string.IsNullOrWhiteSpace(clientId);
        if (string.Equals(credentialKind, "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return new ManagedIdentityCredential(hasClientId ? ManagedIdentityId.FromUserAssignedClientId(clientId!) : ManagedIdentityId.SystemAssigned);
        }

        if (!string.IsNullOrWhiteSpace(credentialKind))
        {
            throw new FormatException($"Credential kind '{credentialKind}' is not supported; use 'managedidentity' or leave it unset for DefaultAzureCredential.");
        }

        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = hasClientId ? clientId : null });
    }

    private static Uri ParseUri(string connectionName, string name, string value) =>
        Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri
            : throw new FormatException($"{connectionName}__{name} '{value}' is not an absolute http(s) URI.");
}
