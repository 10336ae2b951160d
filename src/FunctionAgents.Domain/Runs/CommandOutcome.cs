namespace FunctionAgents.Domain.Runs;

/// <summary>How an approval or cancel command ended; the host maps it to 202 / 404 / 409.</summary>
public enum CommandOutcome
{
    Accepted,
    NotFound,
    Conflict,
}
