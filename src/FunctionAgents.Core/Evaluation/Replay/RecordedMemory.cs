using FunctionAgents.Core.Events.Payloads;
using FunctionAgents.Core.Memory;
using FunctionAgents.Core.Runs;

namespace FunctionAgents.Core.Evaluation.Replay;

/// <summary>Replay recalls what the recorded run recalled: memory is an input, like a tool observation.</summary>
internal sealed class RecordedMemory(RecordedRun run) : IRunMemory
{
    public Task<MemoryRetrieved?> RecallAsync(RunState state, CancellationToken cancellationToken = default) =>
        Task.FromResult(run.Events.FirstOrDefault(e => e.Type == nameof(MemoryRetrieved))?.PayloadAs<MemoryRetrieved>());
}
