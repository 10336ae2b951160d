using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FunctionAgents.Domain.Runs;

[JsonSerializable(typeof(JsonNode))]
internal sealed partial class ResolverJsonContext : JsonSerializerContext;
