using FunctionAgents.Domain.Evaluation.Replay;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Memory;

namespace FunctionAgents.Runtime.Evaluation.Replay;

/// <summary>Replay recalls what the recorded run recalled: memory is an input, like a tool observation.</summary>
internal sealed class RecordedMemory(RecordedRun run) : IRunMemory
{
    public Task<MemoryRetrieved?> RecallAsync(RunState state, CancellationToken cancellationToken = default) =>
        Task.FromResult(run.Events.FirstOrDefault(e => e.Type == nameof(MemoryRetrieved))?.PayloadAs<MemoryRetrieved>());
}
