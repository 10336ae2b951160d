using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Azure;

namespace FunctionAgents.Azure.Storage;

/// <summary>Reads the error code and message out of a failed response: header, JSON (Table) or XML (Queue).</summary>
internal static class StorageError
{
    public static (string? Code, string? Message) Read(Response response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.TryGetValue("x-ms-error-code", out var headerCode);
        var (bodyCode, bodyMessage) = Parse(response.Content?.ToString());
        return (string.IsNullOrEmpty(headerCode) ? bodyCode : headerCode, bodyMessage ?? response.ReasonPhrase);
    }

    /// <summary>Reads <c>{"odata.error":{"code","message":{"value"}}}</c> or <c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;</c>.</summary>
    public static (string? Code, string? Message) Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        var trimmed = body.TrimStart();
        try
        {
            if (trimmed.StartsWith('{'))
            {
                using var doc = JsonDocument.Parse(trimmed);
                if (doc.RootElement.TryGetProperty("odata.error", out var error) || doc.RootElement.TryGetProperty("error", out error))
                {
                    var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                    string? message = null;
                    if (error.TryGetProperty("message", out var m))
                    {
                        message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ToString();
                    }

                    return (code, FirstLine(message));
                }
            }
            else if (trimmed.StartsWith('<'))
            {
                var root = XDocument.Parse(trimmed).Root;
                return (root?.Element("Code")?.Value, FirstLine(root?.Element("Message")?.Value));
            }
        }
        catch (Exception ex) when (ex is JsonException or XmlException)
        {
            return (null, FirstLine(trimmed));
        }

        return (null, FirstLine(trimmed));
    }

    // Storage messages continue with "RequestId:…\nTime:…"; the first line is the one a reader needs.
    private static string? FirstLine(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var newline = text.IndexOfAny(['\r', '\n']);
        var line = newline < 0 ? text : text[..newline];
        return line.Length > 500 ? line[..500] : line;
    }
}
