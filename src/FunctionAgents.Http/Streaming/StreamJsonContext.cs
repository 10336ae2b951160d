using System.Text.Json.Serialization;

namespace FunctionAgents.Http.Streaming;

/// <summary>Source-generated JSON for the stream's own frames.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StreamEnd))]
internal sealed partial class StreamJsonContext : JsonSerializerContext;
