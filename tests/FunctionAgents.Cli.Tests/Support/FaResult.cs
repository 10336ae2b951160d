namespace FunctionAgents.Cli.Tests.Support;

internal sealed record FaResult(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Asserts the command failed with exactly one line on stderr and nothing that looks like a stack trace.</summary>
    public void AssertOneLineError(int exitCode)
    {
        Assert.Equal(exitCode, ExitCode);
        var line = Assert.Single(ErrorLines);
        Assert.StartsWith("fa: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", Error, StringComparison.Ordinal);
    }
}
