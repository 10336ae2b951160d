using System.Text.Json.Serialization;

namespace FunctionAgents.Runtime.Forensics.Retention;

/// <summary>Where the purge of one run is: logged before anything is deleted, completed after.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PurgeStatus>))]
public enum PurgeStatus
{
    [JsonStringEnumMemberName("started")]
    Started,

    [JsonStringEnumMemberName("completed")]
    Completed,
}
