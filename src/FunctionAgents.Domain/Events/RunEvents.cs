namespace FunctionAgents.Domain.Events;

// The run's lifecycle: started, and one of completed, failed or cancelled.

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

/// <summary>The run finished with an answer.</summary>
/// <param name="StoppedEarly">Why steps were left unexecuted (<c>max_steps</c>), or null when the plan ran to its end.</param>
public sealed record RunCompleted(int StepsExecuted, int StepsSkipped, decimal CostUsd, string? StoppedEarly) : EventPayload;

/// <summary>The run ended without completing its plan.</summary>
/// <param name="Code">A stable reason code, e.g. <c>plan_rejected</c>, <c>budget_exceeded</c>, <c>deadline_exceeded</c>, <c>model_auth</c>.</param>
/// <param name="FallbackResponse">What the user is told instead of an answer.</param>
public sealed record RunFailed(string Code, string Reason, string FallbackResponse) : EventPayload;

/// <summary>Someone cancelled the run; nothing further happens.</summary>
public sealed record RunCancelled(string Reason, string By) : EventPayload;
