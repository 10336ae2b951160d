using System.Runtime.CompilerServices;
using System.Text;

namespace FunctionAgents.Cli.Watching;

/// <summary>
/// Reads <c>text/event-stream</c> frames as the WHATWG spec defines them: <c>field: value</c> lines, a blank line ends a
/// frame, lines starting with <c>:</c> are comments (heartbeats), data lines are joined with newlines.
/// </summary>
internal static class SseReader
{
    public static async IAsyncEnumerable<SseFrame> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string? id = null;
        var type = "message";
        var data = new StringBuilder();
        var hasData = false;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (hasData)
                {
                    yield return new SseFrame(id, type, data.ToString());
                }

                id = null;
                type = "message";
                data.Clear();
                hasData = false;
                continue;
            }

            if (line[0] == ':')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }

            switch (field)
            {
                case "id":
                    id = value;
                    break;
                case "event":
                    type = value;
                    break;
                case "data":
                    if (hasData)
                    {
                        data.Append('\n');
                    }

                    data.Append(value);
                    hasData = true;
                    break;
            }
        }
    }
}

/// <summary>One Server-Sent Events frame: its id (null when the frame set none), event type and data.</summary>
internal sealed record SseFrame(string? Id, string Event, string Data);
