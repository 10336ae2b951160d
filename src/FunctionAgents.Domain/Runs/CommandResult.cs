namespace FunctionAgents.Domain.Runs;

/// <summary>The outcome of a command, with the reason when it was refused.</summary>
public sealed record CommandResult(CommandOutcome Outcome, string? Detail, RunState? State)
{
    public static CommandResult NotFound { get; } = new(CommandOutcome.NotFound, null, null);
}
