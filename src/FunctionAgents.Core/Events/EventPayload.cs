using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionAgents.Core.Events;

/// <summary>
/// Base of every event payload. Properties that a newer writer added and this version does not know
/// are kept in <see cref="Unknown"/> and written back unchanged.
/// </summary>
public abstract record EventPayload
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }

    /// <summary>The event type name stored in the journal (the payload record's name, past tense).</summary>
    [JsonIgnore]
    public string EventType => GetType().Name;
}
