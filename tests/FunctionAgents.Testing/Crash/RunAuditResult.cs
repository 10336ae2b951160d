namespace FunctionAgents.Testing.Crash;

/// <summary>One run's audit: its length, final status, side effects counted and every problem found (none when intact).</summary>
public sealed record RunAuditResult(string RunId, int Events, string Status, int Tickets, int Emails, IReadOnlyList<string> Problems)
{
    public bool Intact => Problems.Count == 0;
}
