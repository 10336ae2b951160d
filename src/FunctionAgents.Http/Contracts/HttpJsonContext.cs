using System.Text.Json.Serialization;
using FunctionAgents.Http.Problems;

namespace FunctionAgents.Http.Contracts;

/// <summary>Source-generated JSON for every API response: camelCase, enums by their wire names.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Problem))]
[JsonSerializable(typeof(StartRunResponse))]
[JsonSerializable(typeof(RunView))]
[JsonSerializable(typeof(RunListResponse))]
[JsonSerializable(typeof(DecisionAccepted))]
[JsonSerializable(typeof(HealthResponse))]
public sealed partial class HttpJsonContext : JsonSerializerContext;
