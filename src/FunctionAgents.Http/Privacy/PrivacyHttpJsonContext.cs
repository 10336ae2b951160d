using System.Text.Json.Serialization;

namespace FunctionAgents.Http.Privacy;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ErasureResponse))]
[JsonSerializable(typeof(SubjectRunsResponse))]
internal sealed partial class PrivacyHttpJsonContext : JsonSerializerContext;
