namespace FunctionAgents.Runtime.Privacy;

/// <summary>What destroying a subject's keys did.</summary>
/// <param name="KeysDestroyed">Keys destroyed by this call (0 when they were already gone).</param>
/// <param name="RunIds">Every run whose personal data was encrypted for the subject.</param>
public sealed record KeyDestruction(int KeysDestroyed, IReadOnlyList<string> RunIds);
