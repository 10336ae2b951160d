namespace FunctionAgents.Http.Privacy;

/// <summary>The answer to <c>POST /api/subjects/{id}/erase</c>.</summary>
/// <param name="Status"><c>erased</c> or <c>already_erased</c>.</param>
/// <param name="SubjectRef">The subject's pseudonymous reference, as the erasure log records it.</param>
public sealed record ErasureResponse(string Status, string SubjectRef, DateTimeOffset ErasedAt, string By, IReadOnlyList<string> RunIds, int KeysDestroyed);
