using System.Text.Json.Serialization;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Domain.Events;

/// <summary>Source-generated JSON for journal payloads: camelCase, nulls omitted, declaration order (the canonical form).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(RunStarted))]
[JsonSerializable(typeof(MemoryRetrieved))]
[JsonSerializable(typeof(ModelCalled))]
[JsonSerializable(typeof(PlanGenerated))]
[JsonSerializable(typeof(PlanRejected))]
[JsonSerializable(typeof(ToolProposed))]
[JsonSerializable(typeof(ToolApproved))]
[JsonSerializable(typeof(ToolRejected))]
[JsonSerializable(typeof(ApprovalRequested))]
[JsonSerializable(typeof(HumanApproved))]
[JsonSerializable(typeof(HumanRejected))]
[JsonSerializable(typeof(ApprovalExpired))]
[JsonSerializable(typeof(ToolExecuted))]
[JsonSerializable(typeof(ObservationCaptured))]
[JsonSerializable(typeof(CostRecorded))]
[JsonSerializable(typeof(BudgetExceeded))]
[JsonSerializable(typeof(ResponseDrafted))]
[JsonSerializable(typeof(ResponseFinalized))]
[JsonSerializable(typeof(RunCompleted))]
[JsonSerializable(typeof(RunFailed))]
[JsonSerializable(typeof(RunCancelled))]
[JsonSerializable(typeof(EvaluationStarted))]
[JsonSerializable(typeof(RunScored))]
[JsonSerializable(typeof(EvaluationCompleted))]
[JsonSerializable(typeof(EvaluatorsScored))]
[JsonSerializable(typeof(AgentPlan))]
[JsonSerializable(typeof(ToolObservation))]
[JsonSerializable(typeof(RunEvent))]
[JsonSerializable(typeof(List<RunEvent>))]
public sealed partial class EventJsonContext : JsonSerializerContext;
