using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Memory;

/// <summary>What a run recalls at plan time, journaled as <see cref="MemoryRetrieved"/> before the plan.</summary>
public interface IRunMemory
{
    /// <summary>The retrieval to journal, or null when the run's scope retrieves nothing and asked for nothing more.</summary>
    Task<MemoryRetrieved?> RecallAsync(RunState state, CancellationToken cancellationToken = default);
}
