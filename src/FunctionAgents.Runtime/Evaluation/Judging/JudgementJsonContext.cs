using System.Text.Json.Serialization;

namespace FunctionAgents.Runtime.Evaluation.Judging;

/// <summary>Source-generated JSON for the judgement cache's lines.</summary>
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
internal sealed partial class JudgementJsonContext : JsonSerializerContext;
