using System.Text.Json.Serialization;

namespace FunctionAgents.Azure.Forensics;

/// <summary>Source-generated JSON for list-valued columns of the forensic tables.</summary>
[JsonSerializable(typeof(List<string>))]
internal sealed partial class ForensicsTableJsonContext : JsonSerializerContext;
