namespace FunctionAgents.Domain.Evaluation.Sets;

/// <summary>A labelled evaluation set: goals with what a good run of each must do and say (see docs/evaluation.md).</summary>
/// <param name="Name">The set's name (<c>name:</c>).</param>
/// <param name="Source">Where it was read from (a file name), for messages.</param>
public sealed record EvaluationSet(string Name, string Source, IReadOnlyList<EvaluationCase> Cases);

/// <summary>One case: a goal to run and what to expect of it.</summary>
/// <param name="Line">The 1-based line of the case in its file.</param>
public sealed record EvaluationCase(string Id, string Goal, IReadOnlyDictionary<string, string>? Metadata, CaseExpectation Expect, int Line);

/// <summary>The labels of a case; every field is optional.</summary>
/// <param name="Tools">The tools a good run executes, in order; null when the case does not say.</param>
/// <param name="Facts">Texts that must each appear in the final answer (case-insensitive).</param>
/// <param name="Forbidden">Texts none of which may appear in the final answer (case-insensitive).</param>
/// <param name="Status">The run's expected final status (completed, failed, cancelled); null when the case does not say.</param>
/// <param name="Approve">How every approval request of the run is answered: true approve (the default), false reject.</param>
public sealed record CaseExpectation(
    IReadOnlyList<string>? Tools,
    IReadOnlyList<string> Facts,
    IReadOnlyList<string> Forbidden,
    string? Status,
    bool Approve)
{
    /// <summary>No labels: only the evaluators that need none apply.</summary>
    public static CaseExpectation None { get; } = new(null, [], [], null, true);
}
