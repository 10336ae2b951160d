namespace FunctionAgents.Azure.Storage;

public sealed partial class StorageConnection
{
    /// <summary>Azurite's and the storage emulator's well-known account.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    // Documented, public emulator key; not a secret.
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly string[] KnownKeys =
    [
        "UseDevelopmentStorage", "DefaultEndpointsProtocol", "AccountName", "AccountKey", "EndpointSuffix",
        "TableEndpoint", "QueueEndpoint", "BlobEndpoint", "FileEndpoint",
    ];

    /// <summary>
    /// Parses a SharedKey connection string: <c>UseDevelopmentStorage=true</c> (Azurite on
    /// 127.0.0.1:10001/10002), or <c>DefaultEndpointsProtocol=…;AccountName=…;AccountKey=…;EndpointSuffix=…</c>,
    /// optionally with explicit <c>TableEndpoint=</c> / <c>QueueEndpoint=</c> (path-style emulator endpoints work).
    /// Throws <see cref="FormatException"/> naming the problem; the message never repeats the key.
    /// </summary>
    public static StorageConnection Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var settings = Split(connectionString);

        if (settings.TryGetValue("UseDevelopmentStorage", out var dev))
        {
            if (!bool.TryParse(dev, out var useDev) || !useDev)
            {
                throw new FormatException("UseDevelopmentStorage must be 'true' when present.");
            }

            var table = Endpoint(settings, "TableEndpoint") ?? new Uri("http://127.0.0.1:10002/devstoreaccount1");
            var queue = Endpoint(settings, "QueueEndpoint") ?? new Uri("http://127.0.0.1:10001/devstoreaccount1");
            return new StorageConnection(
                DevelopmentAccountName, table, queue, new SharedKeyCredential(DevelopmentAccountName, Convert.FromBase64String(DevelopmentAccountKey)), null);
        }

        if (settings.ContainsKey("SharedAccessSignature"))
        {
            throw new FormatException("SharedAccessSignature connection strings are not supported; use AccountKey or a token credential.");
        }

        var account = Required(settings, "AccountName");
        var key = DecodeKey(Required(settings, "AccountKey"));
        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol") ?? "https";
        if (protocol is not ("https" or "http"))
        {
            throw new FormatException($"DefaultEndpointsProtocol must be 'https' or 'http', not '{protocol}'.");
        }

        var suffix = settings.GetValueOrDefault("EndpointSuffix") ?? "core.windows.net";
        var tableEndpoint = Endpoint(settings, "TableEndpoint") ?? new Uri($"{protocol}://{account}.table.{suffix}");
        var queueEndpoint = Endpoint(settings, "QueueEndpoint") ?? new Uri($"{protocol}://{account}.queue.{suffix}");
        return new StorageConnection(account, tableEndpoint, queueEndpoint, new SharedKeyCredential(account, key), null);
    }

    /// <summary>True when <paramref name="value"/> has the shape of a connection string (key=value pairs) rather than, say, an account name.</summary>
    public static bool LooksLikeConnectionString(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Contains('=', StringComparison.Ordinal);

    private static Dictionary<string, string> Split(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException("A connection string is a list of Name=Value pairs separated by ';'.");
            }

            var name = part[..eq].Trim();
            var value = part[(eq + 1)..].Trim();
            if (!settings.TryAdd(name, value))
            {
                throw new FormatException($"The connection string sets '{name}' twice.");
            }
        }

        foreach (var name in settings.Keys)
        {
            if (!KnownKeys.Contains(name, StringComparer.OrdinalIgnoreCase) && !name.Equals("SharedAccessSignature", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException($"The connection string has an unknown setting '{name}'.");
            }
        }

        return settings;
    }

    private static string Required(Dictionary<string, string> settings, string name) =>
        settings.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"The connection string lacks {name}.");

    private static Uri? Endpoint(Dictionary<string, string> settings, string name)
    {
        if (!settings.TryGetValue(name, out var value))
        {
            return null;
        }

        return Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new FormatException($"{name} '{value}' is not an absolute http(s) URI.");
    }

    private static byte[] DecodeKey(string key)
    {
        try
        {
            return Convert.FromBase64String(key);
        }
        catch (FormatException)
        {
            // The inner exception is dropped on purpose: nothing about the key's text may travel further.
            throw new FormatException("AccountKey is not valid Base64.");
        }
    }
}
