using System.Text.Json.Serialization;
using FunctionAgents.Domain.Evaluation.Gating;
using FunctionAgents.Domain.Evaluation.Reporting;
using FunctionAgents.Domain.Evaluation.Scoring;

namespace FunctionAgents.Domain.Evaluation;

/// <summary>Source-generated JSON for evaluation reports, run scores and gate results: camelCase, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(EvaluationReport))]
[JsonSerializable(typeof(RunScore))]
[JsonSerializable(typeof(GateResult))]
internal sealed partial class EvaluationJsonContext : JsonSerializerContext;
