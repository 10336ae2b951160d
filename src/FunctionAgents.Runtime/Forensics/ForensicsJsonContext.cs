using System.Text.Json.Serialization;
using FunctionAgents.Domain.Forensics.Invariants;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Forensics.Audit;
using FunctionAgents.Runtime.Forensics.Retention;
using FunctionAgents.Runtime.Forensics.Verification;

namespace FunctionAgents.Runtime.Forensics;

/// <summary>Source-generated JSON for forensic results (HTTP bodies and the CLI's <c>--format json</c>): camelCase, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(RunTimeline))]
[JsonSerializable(typeof(CausationWalk))]
[JsonSerializable(typeof(RunState))]
[JsonSerializable(typeof(AuditEntry))]
[JsonSerializable(typeof(List<AuditEntry>))]
[JsonSerializable(typeof(BisectResult))]
[JsonSerializable(typeof(RunBisectResult))]
[JsonSerializable(typeof(List<InvariantOutcome>))]
[JsonSerializable(typeof(RunVerification))]
[JsonSerializable(typeof(ChainAuditReport))]
[JsonSerializable(typeof(RetentionLogEntry))]
[JsonSerializable(typeof(List<RetentionLogEntry>))]
[JsonSerializable(typeof(PurgePlan))]
[JsonSerializable(typeof(PurgeResult))]
public sealed partial class ForensicsJsonContext : JsonSerializerContext;
