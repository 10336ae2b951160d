namespace FunctionAgents.Runtime.Privacy;

/// <summary>The result of <see cref="SubjectEraser.EraseAsync"/>; <paramref name="Record"/> is null only for <see cref="ErasureStatus.NotFound"/>.</summary>
public sealed record ErasureOutcome(ErasureStatus Status, ErasureRecord? Record);
