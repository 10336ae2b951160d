using System.Text.Json;

namespace FunctionAgents.Domain.Events;

/// <summary>The one canonical JSON form of payloads and envelopes.</summary>
public static class EventSerializer
{
    public static string SerializePayload(EventPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return JsonSerializer.Serialize(payload, EventTypes.InfoFor(payload.EventType));
    }

    public static EventPayload DeserializePayload(string type, string json)
    {
        var info = EventTypes.InfoFor(type);
        try
        {
            return (EventPayload?)JsonSerializer.Deserialize(json, info)
                ?? throw new JsonException($"Payload of {type} is null.");
        }
        catch (JsonException ex)
        {
            throw new JsonException($"Payload of {type} is not valid: {ex.Message}", ex);
        }
    }

    /// <summary>Serializes an envelope (the HTTP events API and exports use this form).</summary>
    public static string SerializeEvent(RunEvent e) => JsonSerializer.Serialize(e, EventJsonContext.Default.RunEvent);

    public static RunEvent DeserializeEvent(string json) =>
        JsonSerializer.Deserialize(json, EventJsonContext.Default.RunEvent)
        ?? throw new JsonException("Event JSON is null.");
}
