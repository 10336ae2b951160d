using System.CommandLine;
using FunctionAgents.Cli.Commands.Forensics;
using FunctionAgents.Cli.Commands;

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
        root.Subcommands.Add(Commands.Privacy.SubjectsCommand.Create(context));
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

/// <summary>Where a command writes, what it reads settings from, and whether a person watches a terminal.</summary>
/// <param name="Interactive">True when stdout is a terminal: progress is drawn as a bar instead of plain lines.</param>
/// <param name="GetSetting">Environment settings (AzureWebJobsStorage, FA_*, AZURE_OPENAI_*).</param>
/// <param name="WorkingDirectory">Relative paths resolve against it, then against the repository root.</param>
internal sealed record CliContext(TextWriter Output, TextWriter Error, bool Interactive, Func<string, string?> GetSetting, string WorkingDirectory)
{
    /// <summary>The handler HTTP verbs (<c>fa runs watch</c>) send through; null means the network. Tests point it at an in-memory host.</summary>
    public HttpMessageHandler? Http { get; init; }

    /// <summary>The judge model <c>fa eval run</c> uses instead of the composition root's keyed "judge" client; tests point it at a scripted judge.</summary>
    public Microsoft.Extensions.AI.IChatClient? Judge { get; init; }

    public static CliContext FromConsole() => new(
        Console.Out, Console.Error, !Console.IsOutputRedirected, Environment.GetEnvironmentVariable, Environment.CurrentDirectory);

    /// <summary>A path as the user typed it, made absolute against <see cref="WorkingDirectory"/>.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>The absolute path of an existing file; exit 2 with one line when it does not exist.</summary>
    public string ExistingFile(string path, string what)
    {
        var full = FullPath(path);
        return File.Exists(full) ? full : throw CliException.Usage($"{what} '{path}' does not exist");
    }
}
