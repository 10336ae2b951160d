namespace FunctionAgents.Domain.Runs;

/// <summary>The outcome of a command, with the reason when it was refused.</summary>
public sealed record CommandResult(CommandOutcome Outcome, string? Detail, RunState? State)
{
    public static CommandResult NotFound { get; } = new(CommandOutcome.NotFound, null, null);
}

/// <summary>How an approval or cancel command ended; the host maps it to 202 / 404 / 409.</summary>
public enum CommandOutcome
{
    Accepted,
    NotFound,
    Conflict,
}
