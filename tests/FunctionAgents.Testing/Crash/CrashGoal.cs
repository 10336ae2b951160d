namespace FunctionAgents.Testing.Crash;

/// <summary>A goal the crash tests run, with the decision the approver gives when the run waits for one.</summary>
/// <param name="Name">Short name for results tables.</param>
/// <param name="Goal">The goal as a user would submit it (the offline planner plans it).</param>
/// <param name="Decision"><c>approve</c> or <c>reject</c>.</param>
/// <param name="BudgetUsd">The run's budget, or null for the default.</param>
public sealed record CrashGoal(string Name, string Goal, string Decision, decimal? BudgetUsd)
{
    /// <summary>The demo's goal (src/FunctionAgents.Host/Demo): docs, the order, a ticket and an external email that needs approval; approved.</summary>
    public static CrashGoal Demo { get; } = new(
        "demo",
        "A customer in Germany asks whether order 1042 can still be refunded: check our refund policy and the order, open a ticket, and email the customer the answer",
        "approve",
        null);

    /// <summary>Another order and an explicit outside address: the email waits for a human, who approves it.</summary>
    public static CrashGoal Approval { get; } = new(
        "approval",
        "Customer jonas.weber@example.com in Germany asks where order 1043 is: look up the order, open a ticket and email jonas.weber@example.com the answer",
        "approve",
        null);

    /// <summary>The same shape, but the human rejects the external email: the ticket is made, the email never is.</summary>
    public static CrashGoal Denial { get; } = new(
        "denial",
        "A customer in France asks whether order 1044 can still be refunded: check our refund policy and the order, open a ticket, and email the customer the answer",
        "reject",
        null);

    /// <summary>
    /// The smallest budget a run may have (0.01 USD): the offline planner fits the plan into it using the tools' declared
    /// costs. It cannot overrun (BudgetExceeded needs a model planner or costlier tools); the crash proof is that the
    /// costs journaled before and after kills still add up once.
    /// </summary>
    public static CrashGoal Budget { get; } = new(
        "budget",
        "A customer asks whether order 1045 can still be refunded: check our refund policy and the order, open a ticket, and email the customer at anna.berg@example.com the answer",
        "approve",
        0.01m);

    /// <summary>The four goals of the crash matrix.</summary>
    public static IReadOnlyList<CrashGoal> All { get; } = [Demo, Approval, Denial, Budget];
}
