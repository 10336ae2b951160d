using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Forensics;

/// <summary>A whole run as a readable timeline, with the status it ended (or is) in.</summary>
public sealed record RunTimeline(string RunId, string TenantId, string CorrelationId, RunStatus Status, IReadOnlyList<TimelineEntry> Entries);
