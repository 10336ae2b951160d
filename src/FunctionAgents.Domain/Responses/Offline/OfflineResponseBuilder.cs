using FunctionAgents.Domain.Events;

namespace FunctionAgents.Domain.Responses.Offline;

/// <summary>
/// Writes a plain-English answer from the step outcomes alone, with no model: the top policy passage quoted and
/// cited as <c>&lt;docs root&gt;/&lt;file&gt;#&lt;heading&gt;</c>, the order facts, the ticket id, and whether the
/// email was queued, is awaiting approval or was refused. <see cref="ResponseResult.Sources"/> lists every cited
/// passage and <c>step:&lt;id&gt;</c> for every step whose output the answer uses.
/// </summary>
public sealed class OfflineResponseBuilder : IResponseBuilder
{
    private readonly string _docsRoot;

    /// <param name="docsCitationRoot">Prefix of passage citations: the docs folder as readers know it.</param>
    public OfflineResponseBuilder(string docsCitationRoot = "samples/docs")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(docsCitationRoot);
        _docsRoot = docsCitationRoot;
    }

    public string Name => "offline";

    public Task<ResponseResult> BuildAsync(ResponseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();

        var draft = new AnswerDraft(_docsRoot);
        foreach (var step in request.Steps)
        {
            draft.Add(step);
        }

        var text = draft.Paragraphs.Count == 0
            ? $"I could not work on \"{request.Goal}\": no step of a plan ran, so nothing was looked up or changed."
            : string.Join("\n\n", draft.Paragraphs);
        return Task.FromResult(new ResponseResult(text, draft.Sources, Name, Array.Empty<ModelCalled>()));
    }
}
