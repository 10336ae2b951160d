using System.Text.Json.Serialization;

namespace FunctionAgents.Http.Privacy;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ErasureResponse))]
internal sealed partial class PrivacyHttpJsonContext : JsonSerializerContext;
