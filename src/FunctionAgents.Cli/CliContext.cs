namespace FunctionAgents.Cli;

/// <summary>Where a command writes, what it reads settings from, and whether a person watches a terminal.</summary>
/// <param name="Interactive">True when stdout is a terminal: progress is drawn as a bar instead of plain lines.</param>
/// <param name="GetSetting">Environment settings (AzureWebJobsStorage, FA_*, AZURE_OPENAI_*).</param>
/// <param name="WorkingDirectory">Relative paths resolve against it, then against the repository root.</param>
internal sealed record CliContext(TextWriter Output, TextWriter Error, bool Interactive, Func<string, string?> GetSetting, string WorkingDirectory)
{
    /// <summary>The handler HTTP verbs (<c>fa runs watch</c>) send through; null means the network. Tests point it at an in-memory host.</summary>
    public HttpMessageHandler? Http { get; init; }

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
