using FunctionAgents.Domain.Evaluation.Replay;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Runtime.Evaluation.Replay;

/// <summary>
/// Answers tool calls with recorded observations and never executes a tool. In recorded mode a call matches a
/// recorded one of the same step, tool and input; in live mode any step's call of the same tool and input. A call
/// that matches nothing is listed in <see cref="Unrecorded"/> and observed as failed with code <c>unrecorded</c>.
/// </summary>
internal sealed class RecordedToolRunner(RecordedRun run, bool anyStep) : IToolRunner
{
    private readonly List<UnrecordedToolCall> _unrecorded = [];

    public IReadOnlyList<UnrecordedToolCall> Unrecorded => _unrecorded;

    public Task<ToolObservation> ExecuteAsync(ToolInvocation invocation, string toolName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var input = CanonicalJson.Of(invocation.Input);
        if (run.TakeObservation(invocation.StepId, toolName, input, anyStep) is { } recorded)
        {
            return Task.FromResult(recorded);
        }

        _unrecorded.Add(new UnrecordedToolCall(invocation.StepId, toolName, input, invocation.DispatchId));
        return Task.FromResult(new ToolObservation(
            false,
            null,
            new ToolError(ReplayFailureCodes.UnrecordedToolCall, $"replay has no recorded observation of {toolName} with this input; the tool was not executed"),
            0,
            false));
    }
}
