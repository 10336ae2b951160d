using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using FunctionAgents.Domain.Costs;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>
/// Model prices by name, matched the way Azure names models: an exact name first, then the name without a dated
/// snapshot suffix (a response's <c>gpt-4.1-mini-2025-04-14</c> costs what <c>gpt-4.1-mini</c> costs), then a deployment
/// alias (deployment <c>planner</c> costs what its model costs). Case-insensitive.
/// </summary>
internal sealed partial class ModelPriceLookup : IReadOnlyDictionary<string, ModelPrice>
{
    private readonly Dictionary<string, ModelPrice> _prices;
    private readonly Dictionary<string, string> _aliases;

    public ModelPriceLookup(IEnumerable<KeyValuePair<string, ModelPrice>> prices, IReadOnlyDictionary<string, string>? deploymentModels = null)
    {
        _prices = new Dictionary<string, ModelPrice>(prices, StringComparer.OrdinalIgnoreCase);
        _aliases = deploymentModels is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(deploymentModels, StringComparer.OrdinalIgnoreCase);
    }

    public int Count => _prices.Count;

    public IEnumerable<string> Keys => _prices.Keys;

    public IEnumerable<ModelPrice> Values => _prices.Values;

    public ModelPrice this[string key] => TryGetValue(key, out var price) ? price : throw new KeyNotFoundException($"No price for model '{key}'.");

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out ModelPrice value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Match(key, out value))
        {
            return true;
        }

        // An alias never wins over a real model name, so a deployment named after another model is priced as that model.
        return _aliases.TryGetValue(key, out var model) && Match(model, out value);
    }

    public IEnumerator<KeyValuePair<string, ModelPrice>> GetEnumerator() => _prices.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private bool Match(string name, [MaybeNullWhen(false)] out ModelPrice value) =>
        _prices.TryGetValue(name, out value) || _prices.TryGetValue(SnapshotSuffix().Replace(name, string.Empty), out value);

    [GeneratedRegex(@"-\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex SnapshotSuffix();
}
