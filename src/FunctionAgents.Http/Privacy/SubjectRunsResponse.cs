namespace FunctionAgents.Http.Privacy;

/// <summary>The answer to <c>GET /api/subjects/{id}/runs</c>.</summary>
/// <param name="SubjectRef">The subject's pseudonymous reference, as the erasure log records it.</param>
/// <param name="RunIds">Every run of the tenant the subject appears in, erased runs included, ordered by id.</param>
/// <param name="Erased">True once the subject was erased (its runs then read <c>[erased]</c>).</param>
/// <param name="ErasedAt">When it was erased; null while it is not.</param>
public sealed record SubjectRunsResponse(string SubjectRef, IReadOnlyList<string> RunIds, bool Erased, DateTimeOffset? ErasedAt);
