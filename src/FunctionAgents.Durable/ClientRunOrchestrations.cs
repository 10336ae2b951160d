using FunctionAgents.Domain.Engine;
using FunctionAgents.Runtime.Engine;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask;

namespace FunctionAgents.Durable;

/// <summary>
/// <see cref="IRunOrchestrations"/> over a portable-SDK <see cref="DurableTaskClient"/>: the Functions app's Durable
/// client and the in-memory test host's client. The client comes from <paramref name="client"/> on every call, so a
/// host whose client is bound per invocation can hand it over.
/// </summary>
public sealed class ClientRunOrchestrations(Func<DurableTaskClient> client) : IRunOrchestrations
{
    /// <inheritdoc />
    public async Task<bool> ScheduleAsync(string runId, CancellationToken cancellationToken = default)
    {
        var durable = client();
        if (await durable.GetInstanceAsync(runId, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            return false;
        }

        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(
                OrchestrationNames.Orchestrator, runId, new StartOrchestrationOptions { InstanceId = runId }, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Another start won the race: the backend refused the duplicate instance id, which is what exactly-one means.
            if (await durable.GetInstanceAsync(runId, getInputsAndOutputs: false, cancellationToken) is not null)
            {
                return false;
            }

            throw;
        }
    }

    /// <inheritdoc />
    public Task RaiseAsync(string runId, string eventName, CancellationToken cancellationToken = default) =>
        client().RaiseEventAsync(runId, eventName, "raised", cancellationToken);

    /// <inheritdoc />
    public async Task<RunOrchestrationStatus> GetStatusAsync(string runId, CancellationToken cancellationToken = default) =>
        await client().GetInstanceAsync(runId, getInputsAndOutputs: false, cancellationToken) is { } instance
            ? instance.RuntimeStatus.ToRunStatus()
            : RunOrchestrationStatus.None;
}
