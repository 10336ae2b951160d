using DurableTask.Core;

namespace FunctionAgents.Durable.AzureStorage;

/// <summary>Registers a shim (orchestration or activity) on a <see cref="TaskHubWorker"/> under a fixed name, version "".</summary>
internal sealed class NamedCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> _create;

    public NamedCreator(string name, Func<T> create)
    {
        Name = name;
        Version = string.Empty;
        _create = create;
    }

    public override T Create() => _create();
}
