using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionAgents.Domain.Events;

/// <summary>
/// Base of every event payload. Properties that a newer writer added and this version does not know
/// are kept in <see cref="Unknown"/> and written back unchanged.
/// </summary>
public abstract record EventPayload
{
    // A settable (not init) property: System.Text.Json's source generator cannot bind extension data through init.
    [JsonExtensionData]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2227:Collection properties should be read only", Justification = "Extension data must be settable for the serializer.")]
    public Dictionary<string, JsonElement>? Unknown { get; set; }

    /// <summary>The event type name stored in the journal (the payload record's name, past tense).</summary>
    [JsonIgnore]
    public string EventType => GetType().Name;
}
