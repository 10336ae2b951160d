using System.Buffers;
using System.Text.Json;
using FunctionAgents.Http.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FunctionAgents.Http.Requests;

/// <summary>
/// Reads a JSON request body: Content-Type must be JSON (415), at most <see cref="MaxBytes"/> are read — counted
/// while reading, whatever Content-Length claims (413) — and the bytes must parse (400 saying where).
/// </summary>
internal static class JsonBody
{
    public const int MaxBytes = 256 * 1024;

    /// <summary>The parsed body, or the error response; an empty body gives neither when <paramref name="optional"/>.</summary>
    public static async Task<(JsonDocument? Document, IResult? Error)> ReadAsync(HttpRequest request, bool optional)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, ApiProblems.PayloadTooLarge(MaxBytes));
        }

        var mayHaveBody = request.ContentLength is > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (!mayHaveBody && optional)
        {
            return (null, null);
        }

        if (mayHaveBody && !IsJson(request.ContentType))
        {
            return (null, ApiProblems.UnsupportedMediaType(request.ContentType));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, MaxBytes + 1) - length), request.HttpContext.RequestAborted);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > MaxBytes)
                {
                    return (null, ApiProblems.PayloadTooLarge(MaxBytes));
                }
            }

            if (length == 0)
            {
                return optional ? (null, null) : (null, ApiProblems.Validation("$", "a JSON request body is required"));
            }

            if (!IsJson(request.ContentType))
            {
                return (null, ApiProblems.UnsupportedMediaType(request.ContentType));
            }

            try
            {
                return (JsonDocument.Parse(buffer.AsMemory(0, length)), null);
            }
            catch (JsonException ex)
            {
                return (null, ApiProblems.MalformedJson($"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {FirstSentence(ex.Message)}"));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var type = media.MediaType.Value ?? string.Empty;
        var json = type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        var charset = media.Charset.Value;
        return json && (charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
