using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.RegularExpressions;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Runtime.Tools;

/// <summary>
/// The fixed set of tools a host offers, by name. Built once; rejects duplicate names and
/// declarations the executor could not enforce (no timeout, no output cap, a schema that is not an object).
/// </summary>
public sealed partial class ToolRegistry : IToolCatalog
{
    private readonly Dictionary<string, ITool> _byName = new(StringComparer.Ordinal);
    private readonly List<ITool> _all = [];

    /// <summary>Registers <paramref name="tools"/> in order.</summary>
    /// <exception cref="ArgumentException">A name is repeated or a declaration is unusable.</exception>
    public ToolRegistry(IEnumerable<ITool> tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        foreach (var tool in tools)
        {
            Add(tool);
        }
    }

    /// <summary>The tools in registration order.</summary>
    public IReadOnlyCollection<ITool> All => _all;

    public bool TryGet(string name, [NotNullWhen(true)] out ITool? tool) => _byName.TryGetValue(name, out tool);

    private void Add(ITool tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        if (tool.Name is null || !ToolName().IsMatch(tool.Name))
        {
            throw new ArgumentException(
                $"Tool name '{tool.Name}' must be 1-64 characters of letters, digits, '_' or '-' (an MCP tool: two such names joined by '.').", nameof(tool));
        }

        if (tool.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Tool '{tool.Name}' must declare a positive timeout.", nameof(tool));
        }

        if (tool.OutputCapBytes < 64)
        {
            throw new ArgumentException($"Tool '{tool.Name}' must declare an output cap of at least 64 bytes.", nameof(tool));
        }

        if (tool.CostPerCallUsd < 0)
        {
            throw new ArgumentException($"Tool '{tool.Name}' must not declare a negative cost.", nameof(tool));
        }

        if (tool.InputSchema.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"Tool '{tool.Name}' must declare its input schema as a JSON object.", nameof(tool));
        }

        if (!_byName.TryAdd(tool.Name, tool))
        {
            throw new ArgumentException($"A tool named '{tool.Name}' is already registered.", nameof(tool));
        }

        _all.Add(tool);
    }

    // An MCP tool is named <server>.<tool>: one dot between two plain names.
    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}(\.[A-Za-z0-9_-]{1,64})?$", RegexOptions.CultureInvariant)]
    private static partial Regex ToolName();
}
