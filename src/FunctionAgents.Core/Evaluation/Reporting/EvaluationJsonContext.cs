using System.Text.Json.Serialization;
using FunctionAgents.Core.Evaluation.Gating;
using FunctionAgents.Core.Evaluation.Scoring;

namespace FunctionAgents.Core.Evaluation.Reporting;

/// <summary>Source-generated JSON for evaluation reports, run scores and gate results: camelCase, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(EvaluationReport))]
[JsonSerializable(typeof(RunScore))]
[JsonSerializable(typeof(GateResult))]
internal sealed partial class EvaluationJsonContext : JsonSerializerContext;
