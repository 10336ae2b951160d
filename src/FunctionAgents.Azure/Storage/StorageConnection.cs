using Azure.Core;

namespace FunctionAgents.Azure.Storage;

/// <summary>
/// Where a storage account's Table and Queue services are and how to authenticate to them: the
/// account key (SharedKey) or an Azure AD token credential. Build one with <see cref="Parse"/>,
/// <see cref="FromTokenCredential(string, TokenCredential, string)"/> or
/// <see cref="StorageConnectionFactory.FromSettings(Func{string, string?}, string)"/>; pass it to
/// <see cref="TableStorageClient"/> and <see cref="QueueStorageClient"/>.
/// </summary>
public sealed partial class StorageConnection
{
    /// <summary>The OAuth scope storage tokens are requested for.</summary>
    public const string TokenScope = "https://storage.azure.com/.default";

    private StorageConnection(string accountName, Uri tableEndpoint, Uri queueEndpoint, SharedKeyCredential? sharedKey, TokenCredential? tokenCredential)
    {
        AccountName = accountName;
        TableEndpoint = tableEndpoint;
        QueueEndpoint = queueEndpoint;
        SharedKey = sharedKey;
        TokenCredential = tokenCredential;
    }

    /// <summary>The storage account name.</summary>
    public string AccountName { get; }

    /// <summary>The Table service endpoint, for example <c>https://acct.table.core.windows.net</c> or <c>http://127.0.0.1:10002/devstoreaccount1</c>.</summary>
    public Uri TableEndpoint { get; }

    /// <summary>The Queue service endpoint.</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>True when requests are signed with the account key; false when they carry a bearer token.</summary>
    public bool UsesSharedKey => SharedKey is not null;

    internal SharedKeyCredential? SharedKey { get; }

    internal TokenCredential? TokenCredential { get; }

    /// <summary>Endpoints for a named account in the public cloud (or another <paramref name="endpointSuffix"/>) with a token credential.</summary>
    public static StorageConnection FromTokenCredential(string accountName, TokenCredential credential, string endpointSuffix = "core.windows.net")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointSuffix);
        return new StorageConnection(
            accountName,
            new Uri($"https://{accountName}.table.{endpointSuffix}"),
            new Uri($"https://{accountName}.queue.{endpointSuffix}"),
            null,
            credential);
    }

    /// <summary>Explicit service endpoints with a token credential. The account name is taken from the table endpoint's host.</summary>
    public static StorageConnection FromTokenCredential(Uri tableEndpoint, Uri queueEndpoint, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(tableEndpoint);
        ArgumentNullException.ThrowIfNull(queueEndpoint);
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageConnection(AccountFromEndpoint(tableEndpoint), tableEndpoint, queueEndpoint, null, credential);
    }

    /// <summary>Describes the connection without any secret.</summary>
    public override string ToString() =>
        $"Account={AccountName}; TableEndpoint={TableEndpoint}; QueueEndpoint={QueueEndpoint}; Auth={(UsesSharedKey ? "SharedKey" : "TokenCredential")}";

    internal Uri EndpointFor(StorageService service) => service == StorageService.Table ? TableEndpoint : QueueEndpoint;

    private static string AccountFromEndpoint(Uri endpoint)
    {
        var segments = endpoint.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (endpoint.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || endpoint.IsLoopback)
        {
            // Emulators use path-style addressing: the account is the first path segment.
            return segments.Length > 0 ? segments[0] : endpoint.Host;
        }

        var dot = endpoint.Host.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? endpoint.Host[..dot] : endpoint.Host;
    }
}
