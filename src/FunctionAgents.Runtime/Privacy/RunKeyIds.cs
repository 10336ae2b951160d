using FunctionAgents.Domain.Privacy;

namespace FunctionAgents.Runtime.Privacy;

/// <summary>
/// The id of a run's own data key, derived from tenant and run id, so creating it is one conditional insert (two
/// writers of one run meet on the same row) and any process finds it without reading the run's RunStarted first.
/// The id is a hash: a ciphertext names neither the run's tenant nor its subject.
/// </summary>
public static class RunKeyIds
{
    /// <summary>Marks a derived per-run key id; keys written before (random, 32 hex digits) never start with it.</summary>
    public const string Prefix = "r";

    private const int HexDigits = 32;

    /// <summary>The key id of run <paramref name="runId"/> in <paramref name="tenantId"/>.</summary>
    public static string Of(string tenantId, string runId) => OfSubjectRef(SubjectIds.Reference(tenantId, SubjectIds.OfRun(runId)));

    /// <summary>
    /// The key id whose run subject (<c>run:&lt;RunId&gt;</c>) has the reference <paramref name="subjectRef"/>: an erasure
    /// of <c>run:&lt;RunId&gt;</c> finds the run's key from the subject it names.
    /// </summary>
    public static string OfSubjectRef(string subjectRef)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectRef);
        return Prefix + subjectRef[..HexDigits];
    }

    /// <summary>True for a derived per-run key id (never a per-subject key's, which no subject row points to).</summary>
    public static bool IsRunKey(string keyId) =>
        keyId.Length == Prefix.Length + HexDigits && keyId.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>True when <paramref name="subjectId"/> stands for a run (<c>run:&lt;RunId&gt;</c>) rather than a person.</summary>
    public static bool IsRunSubject(string subjectId) =>
        SubjectIds.Normalize(subjectId).StartsWith("run:", StringComparison.Ordinal);
}
