using FunctionAgents.Domain.Events;

namespace FunctionAgents.Domain.Privacy;

/// <summary>
/// Which payload fields hold personal data, per event type, as paths into the camelCase payload JSON:
/// <c>a.b</c> walks a property, <c>a[*]</c> every element of an array, <c>a.*</c> every value of an object.
/// These are the fields encrypted with the data subject's key; everything else (ids, tools, policy, costs,
/// hashes) stays readable so the journal can be verified, audited and replayed without any key.
/// </summary>
public static class PersonalDataFields
{
    /// <summary>The text a reader sees where an erased subject's data was.</summary>
    public const string ErasedText = "[erased]";

    /// <summary>The text a reader without access to the data keys sees where personal data is.</summary>
    public const string EncryptedText = "[encrypted]";

    /// <summary>The text projections (audit table) hold where personal data is.</summary>
    public const string ProtectedText = "[protected]";

    private static readonly Dictionary<string, string[]> ByType = new(StringComparer.Ordinal)
    {
        [nameof(RunStarted)] = ["goal", "metadata.*"],
        [nameof(MemoryRetrieved)] = ["query", "items[*]"],
        [nameof(ModelCalled)] = ["rawResponse"],
        [nameof(PlanGenerated)] = ["plan.goal", "plan.steps[*].objective", "plan.steps[*].input"],
        [nameof(PlanRejected)] = ["rawPlan"],
        [nameof(ToolProposed)] = ["input", "objective"],
        [nameof(ApprovalRequested)] = ["input"],
        [nameof(ToolExecuted)] = ["input"],
        [nameof(ObservationCaptured)] = ["observation.output"],
        [nameof(ResponseDrafted)] = ["text"],
        [nameof(ResponseFinalized)] = ["text"],
    };

    /// <summary>
    /// Metadata entries that are labels, not personal data: they stay readable so evaluation reports group runs by
    /// route and the memory scope survives an erasure. A <c>*</c> path segment skips these names.
    /// </summary>
    public static IReadOnlySet<string> ExemptNames { get; } = new HashSet<string>(["route", "memory"], StringComparer.Ordinal);

    /// <summary>The personal-data paths of <paramref name="eventType"/>; empty for a type that holds none.</summary>
    public static IReadOnlyList<string> Of(string eventType) =>
        ByType.TryGetValue(eventType, out var paths) ? paths : [];

    /// <summary>Every event type that carries personal data.</summary>
    public static IReadOnlyCollection<string> EventTypesWithPersonalData => ByType.Keys;
}
