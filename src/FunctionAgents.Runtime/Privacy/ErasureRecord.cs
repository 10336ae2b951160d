using FunctionAgents.Domain.Privacy;

namespace FunctionAgents.Runtime.Privacy;

/// <summary>One erasure in the erasure log: who erased which subject, when, and which runs it made unreadable.</summary>
/// <param name="SubjectRef">The subject's pseudonymous reference (<see cref="SubjectIds.Reference"/>), never the id itself.</param>
/// <param name="By">Who asked for it (the admin key's name or the CLI user).</param>
/// <param name="RunIds">The runs whose personal data the destroyed keys protected.</param>
/// <param name="KeysDestroyed">How many data keys were destroyed.</param>
public sealed record ErasureRecord(
    string TenantId,
    string SubjectRef,
    DateTimeOffset ErasedAt,
    string By,
    IReadOnlyList<string> RunIds,
    int KeysDestroyed);
