using System.Text.Json.Serialization;

namespace FunctionAgents.Domain.Planning;

/// <summary>Source-generated JSON for reading validated plans: camelCase names, whole numbers as in JSON Schema.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(IntegralInt32Converter)])]
[JsonSerializable(typeof(AgentPlan))]
internal sealed partial class PlanJsonContext : JsonSerializerContext;
