using System.Collections.Specialized;
using System.Text.Json;

namespace FunctionAgents.Azure.Tests.OpenAI.Fakes;

/// <summary>A request as the fake server received it.</summary>
internal sealed record RecordedRequest(string Method, string Path, NameValueCollection Headers, string Body, string Query = "")
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public IReadOnlyList<(string Role, string Content)> Messages =>
        Json.GetProperty("messages").EnumerateArray()
            .Select(m => (m.GetProperty("role").GetString()!, m.GetProperty("content").GetString()!))
            .ToList();

    public string Message(string role) => string.Join("\n", Messages.Where(m => m.Role == role).Select(m => m.Content));
}
