namespace FunctionAgents.Core.Events.Payloads;

/// <summary>A run was accepted. Everything the decider needs to know about its input and limits.</summary>
/// <param name="Goal">The user's goal, as given.</param>
/// <param name="MaxSteps">Upper bound on executed tool steps.</param>
/// <param name="BudgetUsd">Upper bound on model plus tool cost.</param>
/// <param name="Deadline">When the run stops if it has not finished (engine clock).</param>
/// <param name="Source">How it arrived: <c>http</c> or <c>queue</c>.</param>
/// <param name="IdempotencyKey">The caller's key, if any; the RunId derives from it.</param>
/// <param name="Metadata">Caller-supplied labels (route, user, …), kept verbatim.</param>
public sealed record RunStarted(
    string Goal,
    int MaxSteps,
    decimal BudgetUsd,
    DateTimeOffset Deadline,
    string Source,
    string? IdempotencyKey,
    IReadOnlyDictionary<string, string>? Metadata) : EventPayload;
