namespace FunctionAgents.Azure.Runs;

/// <summary>What became of one <c>agent-runs</c> message: a run (new or the one its Idempotency-Key already had), or a rejection.</summary>
/// <param name="Rejection">Why the message can never start a run (malformed or invalid); null when it did.</param>
public sealed record AgentRunIntakeResult(string? RunId, bool Created, string? Rejection)
{
    public bool IsRejected => Rejection is not null;

    public static AgentRunIntakeResult Rejected(string reason) => new(null, false, reason);
}
