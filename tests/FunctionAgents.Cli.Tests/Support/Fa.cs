namespace FunctionAgents.Cli.Tests.Support;

/// <summary>Runs <c>fa</c> in-process with captured output, as a script in a non-interactive shell would.</summary>
internal static class Fa
{
    public static string RepositoryRoot { get; } =
        Azure.Content.ContentPaths.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("Run the tests from a clone of the repository.");

    public static async Task<FaResult> RunAsync(
        string[] args, IReadOnlyDictionary<string, string>? settings = null, string? workingDirectory = null, Microsoft.Extensions.AI.IChatClient? judge = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(
            output, error, false, name => settings is not null && settings.TryGetValue(name, out var value) ? value : null, workingDirectory ?? RepositoryRoot)
        {
            Judge = judge,
        };
        var exitCode = await FaApp.RunAsync(args, context);
        return new FaResult(exitCode, output.ToString(), error.ToString());
    }

    public static Task<FaResult> RunAsync(params string[] args) => RunAsync(args, null);
}
