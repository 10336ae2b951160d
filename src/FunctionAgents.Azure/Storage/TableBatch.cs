using System.Globalization;
using System.Text;

namespace FunctionAgents.Azure.Storage;

/// <summary>
/// The multipart/mixed wire format of an entity group transaction: one changeset holding one HTTP
/// request per action, and the changeset response the service sends back.
/// </summary>
internal static class TableBatch
{
    /// <summary>The service refuses transaction bodies over 4 MiB.</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    public const int MaxActions = 100;

    public static byte[] BuildBody(string batchBoundary, string changesetBoundary, IReadOnlyList<TableTransactionAction> actions, string table, Func<string, string> absoluteUrl)
    {
        using var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));

        Write($"--{batchBoundary}\r\nContent-Type: multipart/mixed; boundary={changesetBoundary}\r\n\r\n");
        foreach (var action in actions)
        {
            var entity = action.Entity;
            Write($"--{changesetBoundary}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n");
            var entityUrl = absoluteUrl(TableKeys.EntityPath(table, entity.PartitionKey, entity.RowKey));
            var (method, url, ifMatch, hasBody) = action.ActionType switch
            {
                TableTransactionActionType.Insert => ("POST", absoluteUrl("/" + table), null, true),
                TableTransactionActionType.UpsertReplace => ("PUT", entityUrl, null, true),
                TableTransactionActionType.UpsertMerge => ("MERGE", entityUrl, null, true),
                TableTransactionActionType.Delete => ("DELETE", entityUrl, action.ETag ?? "*", false),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action.ActionType, "Unknown transaction action."),
            };
            Write($"{method} {url} HTTP/1.1\r\nAccept: application/json;odata=minimalmetadata\r\nDataServiceVersion: 3.0\r\n");
            if (ifMatch is not null)
            {
                Write($"If-Match: {ifMatch}\r\n");
            }

            if (hasBody)
            {
                Write("Content-Type: application/json\r\nPrefer: return-no-content\r\n\r\n");
                body.Write(TableEntityJson.Serialize(entity));
                Write("\r\n");
            }
            else
            {
                Write("\r\n");
            }
        }

        Write($"--{changesetBoundary}--\r\n--{batchBoundary}--\r\n");
        return body.ToArray();
    }

    /// <summary>The first failed sub-response, or null when every action succeeded.</summary>
    public static (int Status, string? Code, int? Index, string Message)? FindFailure(string responseBody)
    {
        using var reader = new StringReader(responseBody);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (!line.StartsWith("HTTP/1.1 ", StringComparison.Ordinal))
            {
                continue;
            }

            var status = int.Parse(line.AsSpan(9, 3), CultureInfo.InvariantCulture);
            int? contentId = null;
            while (!string.IsNullOrEmpty(line = reader.ReadLine()))
            {
                if (line.StartsWith("Content-ID:", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(line.AsSpan(11).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    contentId = id;
                }
            }

            if (status < 300)
            {
                continue;
            }

            var partBody = new StringBuilder();
            while ((line = reader.ReadLine()) is not null && !line.StartsWith("--", StringComparison.Ordinal))
            {
                partBody.AppendLine(line);
            }

            var (code, message) = StorageError.Parse(partBody.ToString());
            var (index, text) = SplitIndex(message);
            return (status, code, index ?? contentId, text ?? $"HTTP {status}");
        }

        return null;
    }

    // The service prefixes a changeset error message with the failing action's 0-based index: "2:The specified entity already exists."
    private static (int? Index, string? Text) SplitIndex(string? message)
    {
        if (message is null)
        {
            return (null, null);
        }

        var colon = message.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && int.TryParse(message.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? (index, message[(colon + 1)..])
            : (null, message);
    }
}
