using System.Text.Json.Serialization;

namespace FunctionAgents.Azure.Runs;

/// <summary>Source-generated JSON for the run queues' messages (camelCase).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PoisonEnvelope))]
internal sealed partial class RunsJsonContext : JsonSerializerContext;
