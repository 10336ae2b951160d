using System.CommandLine;
using FunctionAgents.Cli.Commands;
using FunctionAgents.Cli.Commands.Forensics;

namespace FunctionAgents.Cli;

/// <summary>
/// The <c>fa</c> command line: parses, runs one verb and turns every failure into one line on stderr and an exit code
/// (<see cref="ExitCodes"/>). Tests call <see cref="RunAsync"/> in-process with captured writers.
/// </summary>
internal static class FaApp
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("fa: the FunctionAgents command line (runs, replay evaluation, policy checks).");
        root.Subcommands.Add(RunsCommand.Create(context));
        root.Subcommands.Add(EvalCommand.Create(context));
        root.Subcommands.Add(PolicyCommand.Create(context));
        ForensicsCommands.AddTo(root, context);
        root.Subcommands.Add(Commands.Privacy.EraseCommand.Create(context));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parsed = Build(context).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // An unknown token explains more than the "required command" error it also causes.
            var error = parsed.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parsed.Errors[0];
            await context.Error.WriteLineAsync($"fa: {OneLine(error.Message)} (see 'fa --help')");
            return ExitCodes.Usage;
        }

        try
        {
            return await parsed.InvokeAsync(
                new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false },
                cancellationToken);
        }
        catch (CliException ex)
        {
            await context.Error.WriteLineAsync($"fa: {OneLine(ex.Message)}");
            return ex.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("fa: cancelled");
            return ExitCodes.Failed;
        }
        catch (Exception ex)
        {
            // The contract of the tool: one readable line, never a stack trace.
            await context.Error.WriteLineAsync($"fa: {OneLine(ex.Message)}");
            return ExitCodes.Failed;
        }
    }

    public static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
