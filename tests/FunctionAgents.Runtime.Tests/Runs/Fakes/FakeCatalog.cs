using System.Diagnostics.CodeAnalysis;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Runtime.Tests.Runs.Fakes;

internal sealed class FakeCatalog(params ITool[] tools) : IToolCatalog
{
    public IReadOnlyCollection<ITool> All => tools;

    public bool TryGet(string name, [NotNullWhen(true)] out ITool? tool)
    {
        tool = tools.FirstOrDefault(t => t.Name == name);
        return tool is not null;
    }
}
