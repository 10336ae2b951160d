namespace FunctionAgents.Core.Events.Payloads;

/// <summary>One run was replayed and scored during an evaluation.</summary>
/// <param name="RunId">The scored run (not the evaluation).</param>
/// <param name="DivergedAtSeq">The first Seq where the replay differs from the recording, or null when it reproduced it.</param>
public sealed record RunScored(
    string RunId,
    string TenantId,
    string Status,
    double BaselineQuality,
    double CandidateQuality,
    decimal BaselineCostUsd,
    decimal CandidateCostUsd,
    int PolicyRegressions,
    long? DivergedAtSeq,
    int UnrecordedCalls) : EventPayload;
