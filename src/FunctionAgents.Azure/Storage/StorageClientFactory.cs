using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;

namespace FunctionAgents.Azure.Storage;

/// <summary>
/// The one place storage clients are built. Reads <c>AzureWebJobsStorage</c> the way Azure Functions does:
/// a connection string (including <c>UseDevelopmentStorage=true</c>) when the setting holds one, otherwise the
/// identity-based form (<c>__accountName</c>, or <c>__tableServiceUri</c> + <c>__queueServiceUri</c>, with
/// optional <c>__credential=managedidentity</c> and <c>__clientId</c>) through Azure.Identity. Nested names are
/// looked up with both the <c>__</c> (environment) and <c>:</c> (IConfiguration) separators.
/// </summary>
public static class StorageClientFactory
{
    /// <summary>The setting name the Functions host uses for its own storage.</summary>
    public const string DefaultConnectionName = "AzureWebJobsStorage";

    /// <summary>Clients for a connection string (<c>UseDevelopmentStorage=true</c> means the local emulator).</summary>
    /// <exception cref="FormatException">The connection string is malformed.</exception>
    public static StorageClients FromConnectionString(string connectionString, StorageClientOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        options ??= new StorageClientOptions();
        try
        {
            return new StorageClients(
                new TableServiceClient(connectionString, options.Apply(new TableClientOptions())),
                new QueueServiceClient(connectionString, QueueOptions(options, QueueMessageEncoding.Base64)),
                new QueueServiceClient(connectionString, QueueOptions(options, QueueMessageEncoding.None)),
                "connection string");
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // The SDK's parse errors can quote the whole value; the message must never carry the account key.
            throw new FormatException("The storage connection string is malformed: expected 'UseDevelopmentStorage=true' or 'DefaultEndpointsProtocol=…;AccountName=…;AccountKey=…' (or explicit endpoints).", ex);
        }
    }

    /// <param name="getSetting">Returns a setting's value or null, for example <c>name => configuration[name]</c>.</param>
    /// <param name="connectionName">The setting (prefix) to read.</param>
    /// <param name="options">Retries and extra policies; defaults when null.</param>
    /// <exception cref="InvalidOperationException">Neither form is configured.</exception>
    /// <exception cref="FormatException">A setting is malformed.</exception>
    public static StorageClients FromSettings(Func<string, string?> getSetting, string connectionName = DefaultConnectionName, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(getSetting);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);
        var value = getSetting(connectionName);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return FromConnectionString(value, options);
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

        var tables = string.IsNullOrWhiteSpace(tableUri) ? new Uri($"https://{AccountName(connectionName, account!)}.table.core.windows.net") : ParseUri(connectionName, "tableServiceUri", tableUri);
        var queues = string.IsNullOrWhiteSpace(queueUri) ? new Uri($"https://{AccountName(connectionName, account!)}.queue.core.windows.net") : ParseUri(connectionName, "queueServiceUri", queueUri);
        return FromIdentity(tables, queues, CreateCredential(Nested("credential"), Nested("clientId")), options);
    }

    /// <summary>Clients for explicit service endpoints authenticated with a token credential.</summary>
    public static StorageClients FromIdentity(Uri tableServiceUri, Uri queueServiceUri, TokenCredential credential, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tableServiceUri);
        ArgumentNullException.ThrowIfNull(queueServiceUri);
        ArgumentNullException.ThrowIfNull(credential);
        options ??= new StorageClientOptions();
        return new StorageClients(
            new TableServiceClient(tableServiceUri, credential, options.Apply(new TableClientOptions())),
            new QueueServiceClient(queueServiceUri, credential, QueueOptions(options, QueueMessageEncoding.Base64)),
            new QueueServiceClient(queueServiceUri, credential, QueueOptions(options, QueueMessageEncoding.None)),
            "identity " + credential.GetType().Name);
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

    private static QueueClientOptions QueueOptions(StorageClientOptions options, QueueMessageEncoding encoding) =>
        options.Apply(new QueueClientOptions { MessageEncoding = encoding });

    private static string AccountName(string connectionName, string account) =>
        account.Length is >= 3 and <= 24 && account.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            ? account
            : throw new FormatException($"{connectionName}__accountName '{account}' is not a storage account name (3 to 24 lowercase letters and digits).");

    private static Uri ParseUri(string connectionName, string name, string value) =>
        Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri
            : throw new FormatException($"{connectionName}__{name} '{value}' is not an absolute http(s) URI.");
}
