namespace FunctionAgents.Soak.Scenarios;

/// <summary>
/// One adversarial run of the consumption scenario: what the scripted model does, the run's limits, and how it must end
/// (<c>completed</c> or a RunFailed code). <paramref name="OnDeadlineHost"/> runs it on the host with a short FA_RUN_DEADLINE.
/// </summary>
internal sealed record ConsumptionCase(string Tag, string What, ModelScript Script, int MaxSteps, decimal BudgetUsd, string Expected, bool OnDeadlineHost = false);
