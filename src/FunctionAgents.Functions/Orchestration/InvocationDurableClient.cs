// Research: the isolated worker hands out a DurableTaskClient only through the [DurableClient] input binding
// (microsoft/durabletask-dotnet and Azure/azure-functions-dotnet-worker register no client in DI), so each trigger that
// starts or wakes a run binds it and passes it to the shared handlers through this per-invocation scope.
using Microsoft.DurableTask.Client;

namespace FunctionAgents.Functions.Orchestration;

/// <summary>The Durable client bound to the current function invocation (an async-local scope).</summary>
public sealed class InvocationDurableClient
{
    private readonly AsyncLocal<DurableTaskClient?> _current = new();

    /// <summary>The client of the invocation in progress.</summary>
    /// <exception cref="InvalidOperationException">The running function did not bind <c>[DurableClient]</c>.</exception>
    public DurableTaskClient Current => _current.Value
        ?? throw new InvalidOperationException("This function does not bind [DurableClient]; only triggers that bind it may start or wake runs.");

    /// <summary>Makes <paramref name="client"/> current until the returned scope is disposed.</summary>
    public IDisposable Bind(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var previous = _current.Value;
        _current.Value = client;
        return new Scope(this, previous);
    }

    private sealed class Scope(InvocationDurableClient owner, DurableTaskClient? previous) : IDisposable
    {
        public void Dispose() => owner._current.Value = previous;
    }
}
