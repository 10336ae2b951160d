using System.Diagnostics.CodeAnalysis;

namespace FunctionAgents.Domain.Tools;

/// <summary>The registered tools, by name.</summary>
public interface IToolCatalog
{
    IReadOnlyCollection<ITool> All { get; }

    bool TryGet(string name, [NotNullWhen(true)] out ITool? tool);
}
