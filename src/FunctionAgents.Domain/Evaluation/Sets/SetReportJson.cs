using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionAgents.Domain.Evaluation.Sets;

/// <summary>The JSON form of an evaluation-set report: camelCase, nulls omitted, indented.</summary>
public static class SetReportJson
{
    private static readonly SetReportJsonContext Indented = new(new JsonSerializerOptions(SetReportJsonContext.Default.Options) { WriteIndented = true });

    public static string Serialize(SetReport report) => JsonSerializer.Serialize(report, Indented.SetReport);

    /// <summary>True when <paramref name="root"/> is an evaluation-set report (its <c>kind</c>), without reading the rest.</summary>
    public static bool IsSetReport(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("kind", out var kind)
        && kind.ValueKind == JsonValueKind.String
        && kind.GetString() == SetReport.KindName;

    /// <exception cref="JsonException">The text is not a set report.</exception>
    public static SetReport Deserialize(string json) =>
        JsonSerializer.Deserialize(json, SetReportJsonContext.Default.SetReport) ?? throw new JsonException("The report is null.");
}

/// <summary>Source-generated JSON for <see cref="SetReport"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(SetReport))]
internal sealed partial class SetReportJsonContext : JsonSerializerContext;
