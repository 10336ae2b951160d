using System.Text.Json.Serialization;
using FunctionAgents.Domain.Evaluation.Trends;
using FunctionAgents.Http.Approvals;

namespace FunctionAgents.Http.Dashboard;

/// <summary>Source-generated JSON for the read endpoints the dashboard added: camelCase, enums by their wire names.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ApprovalQueueResponse))]
[JsonSerializable(typeof(EvaluationTrend))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
