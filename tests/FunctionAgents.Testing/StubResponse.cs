using System.Diagnostics.CodeAnalysis;
using System.Text;
using Azure;
using Azure.Core;

namespace FunctionAgents.Testing;

/// <summary>A canned Azure.Core response for policies that answer without reaching the service.</summary>
public sealed class StubResponse : Response
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

    public StubResponse(int status, string body = "", IDictionary<string, string>? headers = null)
    {
        Status = status;
        ContentStream = new MemoryStream(Encoding.UTF8.GetBytes(body));
        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                _headers[name] = value;
            }
        }
    }

    public override int Status { get; }

    public override string ReasonPhrase => "Stub";

    // The transport normally classifies responses; a policy that answers by itself must say it failed, or retry never sees an error.
    public override bool IsError => Status >= 400;

    public override Stream? ContentStream { get; set; }

    public override string ClientRequestId { get; set; } = string.Empty;

    public override void Dispose() => ContentStream?.Dispose();

    protected override bool ContainsHeader(string name) => _headers.ContainsKey(name);

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers.Select(h => new HttpHeader(h.Key, h.Value));

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value) => _headers.TryGetValue(name, out value);

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        var found = _headers.TryGetValue(name, out var value);
        values = found ? [value!] : null;
        return found;
    }
}
