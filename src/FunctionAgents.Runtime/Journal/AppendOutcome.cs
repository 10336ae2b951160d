using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Journal;

/// <summary>
/// The result of one append: its status, the events now in the journal after the writer's starting Seq (the ones
/// written, or the ones another writer wrote first), and the run folded over them.
/// </summary>
public sealed record AppendOutcome(AppendStatus Status, IReadOnlyList<RunEvent> Events, RunState After);
