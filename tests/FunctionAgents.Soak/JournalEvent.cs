using System.Text.Json;

namespace FunctionAgents.Soak;

/// <summary>One journal event as GET /api/runs/{runId}/events returns it (personal-data fields stay encrypted).</summary>
internal sealed record JournalEvent(long Seq, string Type, JsonElement Payload)
{
    /// <summary>A string field of the payload (camelCase or PascalCase, as stored), or null.</summary>
    public string? Text(string name) =>
        Payload.ValueKind == JsonValueKind.Object &&
        (Payload.TryGetProperty(name, out var value) || Payload.TryGetProperty(char.ToUpperInvariant(name[0]) + name[1..], out value)) &&
        value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>A numeric field of the payload (camelCase or PascalCase), or null.</summary>
    public decimal? Number(string name) =>
        Payload.ValueKind == JsonValueKind.Object &&
        (Payload.TryGetProperty(name, out var value) || Payload.TryGetProperty(char.ToUpperInvariant(name[0]) + name[1..], out value)) &&
        value.ValueKind == JsonValueKind.Number
            ? value.GetDecimal()
            : null;
}
