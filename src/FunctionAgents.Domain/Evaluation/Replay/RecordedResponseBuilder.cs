using FunctionAgents.Domain.Responses;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Domain.Evaluation.Replay;

/// <summary>Returns the answer (and the model calls behind it) the recorded run got; the response checks run on it again.</summary>
public sealed class RecordedResponseBuilder(RecordedRun run) : IResponseBuilder
{
    public string Name => run.Drafted?.Builder ?? "recorded";

    public Task<ResponseResult> BuildAsync(ResponseRequest request, CancellationToken cancellationToken) =>
        run.Response is { } response
            ? Task.FromResult(response)
            : throw new RunFailureException(ReplayFailureCodes.UnrecordedModelOutput, $"run {run.RunId} recorded no answer to substitute");
}
