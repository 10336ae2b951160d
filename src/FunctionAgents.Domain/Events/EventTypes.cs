using System.Collections.Frozen;
using System.Text.Json.Serialization.Metadata;

namespace FunctionAgents.Domain.Events;

/// <summary>Every event type this version reads and writes, by its journal name.</summary>
public static class EventTypes
{
    private static readonly FrozenDictionary<string, JsonTypeInfo> ByName = new JsonTypeInfo[]
    {
        EventJsonContext.Default.RunStarted,
        EventJsonContext.Default.MemoryRetrieved,
        EventJsonContext.Default.ModelCalled,
        EventJsonContext.Default.PlanGenerated,
        EventJsonContext.Default.PlanRejected,
        EventJsonContext.Default.ToolProposed,
        EventJsonContext.Default.ToolApproved,
        EventJsonContext.Default.ToolRejected,
        EventJsonContext.Default.ApprovalRequested,
        EventJsonContext.Default.HumanApproved,
        EventJsonContext.Default.HumanRejected,
        EventJsonContext.Default.ApprovalExpired,
        EventJsonContext.Default.ToolExecuted,
        EventJsonContext.Default.ObservationCaptured,
        EventJsonContext.Default.CostRecorded,
        EventJsonContext.Default.BudgetExceeded,
        EventJsonContext.Default.ResponseDrafted,
        EventJsonContext.Default.ResponseFinalized,
        EventJsonContext.Default.RunCompleted,
        EventJsonContext.Default.RunFailed,
        EventJsonContext.Default.RunCancelled,
        EventJsonContext.Default.EvaluationStarted,
        EventJsonContext.Default.RunScored,
        EventJsonContext.Default.EvaluationCompleted,
        EventJsonContext.Default.EvaluatorsScored,
    }.ToFrozenDictionary(info => info.Type.Name, StringComparer.Ordinal);

    /// <summary>All known type names.</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    public static bool IsKnown(string type) => ByName.ContainsKey(type);

    internal static JsonTypeInfo InfoFor(string type) =>
        ByName.TryGetValue(type, out var info)
            ? info
            : throw new UnknownEventTypeException($"Unknown event type '{type}'.");
}
