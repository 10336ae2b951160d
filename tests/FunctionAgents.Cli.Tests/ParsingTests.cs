using FunctionAgents.Cli.Tests.Support;

namespace FunctionAgents.Cli.Tests;

public sealed class ParsingTests
{
    [Fact]
    public async Task UnknownOption_IsOneLineAndExit2()
    {
        var result = await Fa.RunAsync("eval", "gate", "--in", "r.json", "--bogus");

        result.AssertOneLineError(2);
        Assert.Contains("--bogus", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_IsOneLineAndExit2()
    {
        var result = await Fa.RunAsync("teleport");

        result.AssertOneLineError(2);
        Assert.Contains("teleport", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCommand_IsExit2()
    {
        (await Fa.RunAsync()).AssertOneLineError(2);
    }

    [Fact]
    public async Task MissingRequiredOption_IsExit2()
    {
        var result = await Fa.RunAsync("eval", "gate", "--min-quality", "0.8");

        result.AssertOneLineError(2);
        Assert.Contains("--in", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadNumber_IsExit2()
    {
        (await Fa.RunAsync("eval", "gate", "--in", "r.json", "--min-quality", "lots")).AssertOneLineError(2);
    }

    [Fact]
    public async Task Help_IsExit0AndListsTheVerbs()
    {
        var result = await Fa.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("runs", result.Output, StringComparison.Ordinal);
        Assert.Contains("eval", result.Output, StringComparison.Ordinal);
        Assert.Contains("policy", result.Output, StringComparison.Ordinal);
    }
}
