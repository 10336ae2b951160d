using System.Text.Json.Serialization;

namespace FunctionAgents.Http.Problems;

/// <summary>
/// An RFC 9457 problem document (<c>application/problem+json</c>): every error the API returns.
/// <see cref="Errors"/> names each bad field with its messages; the run/step members say where a conflict is.
/// </summary>
public sealed record Problem(string Type, string Title, int Status, string Detail)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Instance { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RunId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RunStatus { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StepId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StepPhase { get; init; }
}
