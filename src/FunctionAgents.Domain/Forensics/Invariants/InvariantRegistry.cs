using System.Diagnostics.CodeAnalysis;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Domain.Forensics.Invariants;

/// <summary>The invariants known by name: the built-ins plus any a deployment or the evaluator adds. Names are case-insensitive.</summary>
public sealed class InvariantRegistry
{
    private readonly Dictionary<string, IRunInvariant> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IRunInvariant> _ordered = [];

    /// <summary>The invariants in the order they were added.</summary>
    public IReadOnlyList<IRunInvariant> All => _ordered;

    /// <summary>A registry with the four built-ins: no-tool-failure-loop, budget-respected, every-executed-tool-was-approved, no-pii-in-response.</summary>
    public static InvariantRegistry CreateDefault() => new InvariantRegistry()
        .Add(new NoToolFailureLoopInvariant())
        .Add(new BudgetRespectedInvariant())
        .Add(new EveryExecutedToolApprovedInvariant())
        .Add(new NoPiiInResponseInvariant());

    /// <exception cref="ArgumentException">An invariant with the same name is already registered.</exception>
    public InvariantRegistry Add(IRunInvariant invariant)
    {
        ArgumentNullException.ThrowIfNull(invariant);
        ArgumentException.ThrowIfNullOrWhiteSpace(invariant.Name, nameof(invariant));
        if (!_byName.TryAdd(invariant.Name, invariant))
        {
            throw new ArgumentException($"An invariant named '{invariant.Name}' is already registered.", nameof(invariant));
        }

        _ordered.Add(invariant);
        return this;
    }

    public bool TryGet(string name, [NotNullWhen(true)] out IRunInvariant? invariant) => _byName.TryGetValue(name ?? string.Empty, out invariant);

    /// <exception cref="KeyNotFoundException">No invariant has that name; the message lists the known ones.</exception>
    public IRunInvariant Get(string name) =>
        TryGet(name, out var invariant)
            ? invariant
            : throw new KeyNotFoundException($"There is no invariant '{name}'. Known: {string.Join(", ", _ordered.Select(i => i.Name))}.");

    /// <summary>Every registered invariant's verdict on <paramref name="state"/>, in registration order.</summary>
    public IReadOnlyList<InvariantOutcome> CheckAll(RunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var outcomes = new List<InvariantOutcome>(_ordered.Count);
        foreach (var invariant in _ordered)
        {
            var result = invariant.Check(state);
            outcomes.Add(new InvariantOutcome(invariant.Name, result.Holds, result.Violation));
        }

        return outcomes;
    }
}

/// <summary>One invariant's verdict on one run, as the evaluator and the CLI report it.</summary>
public sealed record InvariantOutcome(string Invariant, bool Holds, string? Violation);
