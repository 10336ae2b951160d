using System.Text.Json;
using FunctionAgents.Domain.Events;

namespace FunctionAgents.Cli.Watching;

/// <summary>Turns a stream frame's data (the stored envelope, payload as JSON) back into a <see cref="RunEvent"/>.</summary>
internal static class StreamedEvent
{
    public static RunEvent Parse(string runId, string data)
    {
        using var document = JsonDocument.Parse(data);
        var e = document.RootElement;
        return new RunEvent(
            runId,
            e.GetProperty("seq").GetInt64(),
            e.GetProperty("type").GetString()!,
            e.GetProperty("actor").GetString()!,
            e.GetProperty("occurredAt").GetDateTimeOffset(),
            e.GetProperty("tenantId").GetString()!,
            e.GetProperty("correlationId").GetString()!,
            e.GetProperty("causationSeq").ValueKind == JsonValueKind.Number ? e.GetProperty("causationSeq").GetInt64() : null,
            e.GetProperty("traceParent").GetString()!,
            e.GetProperty("schemaVersion").GetInt32(),
            e.GetProperty("payload").GetRawText(),
            e.GetProperty("prevHash").GetString()!,
            e.GetProperty("hash").GetString()!);
    }
}
