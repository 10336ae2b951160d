using FunctionAgents.Domain.Events;

namespace FunctionAgents.Domain.Engine;

/// <summary>
/// The events that follow the orchestrator's ExpectedLastSeq once the activity is done: the ones it appended,
/// or, when another writer got there first, the ones that writer appended. The orchestrator folds them.
/// </summary>
public sealed record StepResult(IReadOnlyList<RunEvent> Events, bool Performed);
