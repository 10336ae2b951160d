using System.Globalization;
using FunctionAgents.Domain.Events;

namespace FunctionAgents.Domain.Costs;

/// <summary>
/// Thrown by a planner or response builder BEFORE a model call whose estimated cost would take the run past
/// its remaining budget. The activity records BudgetExceeded and the run stops; no call was made.
/// </summary>
public sealed class BudgetWouldBeExceededException : Exception
{
    public BudgetWouldBeExceededException()
    {
    }

    public BudgetWouldBeExceededException(string message)
        : base(message)
    {
    }

    public BudgetWouldBeExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BudgetWouldBeExceededException(string what, decimal estimateUsd, decimal remainingUsd)
        : base(string.Create(CultureInfo.InvariantCulture, $"{what} is estimated at {estimateUsd} USD but only {remainingUsd} USD of the budget remains"))
    {
        EstimateUsd = estimateUsd;
    }

    public decimal EstimateUsd { get; init; }

    /// <summary>Model calls made before this one was refused; the activity records them (and their cost) first.</summary>
    public IReadOnlyList<ModelCalled> CallsMade { get; init; } = [];
}
