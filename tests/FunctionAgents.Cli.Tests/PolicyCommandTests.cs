using FunctionAgents.Cli.Tests.Support;

namespace FunctionAgents.Cli.Tests;

public sealed class PolicyCommandTests
{
    [Fact]
    public async Task Check_DefaultPolicy_IsOk()
    {
        var result = await Fa.RunAsync("policy", "check", "samples/policies/default.yaml");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ok, 11 rule(s), default deny", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BrokenPolicy_ListsEveryProblemWithItsLineAndExits1()
    {
        using var temp = new TempFolder();
        var file = temp.Write("bad.yaml", "version: 1\nrules:\n  - name: a\n    action: maybe\n  - name: b\n    when:\n      tool: send_email\n      input:\n        to_domain_is: [x]\n    action: deny\n");

        var result = await Fa.RunAsync("policy", "check", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad.yaml:4:", result.Error, StringComparison.Ordinal);
        Assert.Contains("bad.yaml:9:", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_MissingFile_IsOneLineAndExit2()
    {
        var result = await Fa.RunAsync("policy", "check", "no/such/policy.yaml");

        result.AssertOneLineError(2);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_ShippedCases_AllMatchTheDefaultPolicy()
    {
        var result = await Fa.RunAsync("policy", "test", "samples/policies/default.yaml", "--cases", "samples/policies/default.cases.yaml");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("17 case(s), 0 mismatch(es)", result.Output, StringComparison.Ordinal);
        Assert.Contains("expected", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_CandidateDenyingEmail_ShowsTheMismatchesAndExits1()
    {
        var result = await Fa.RunAsync("policy", "test", "samples/policies/candidate-no-email.yaml", "--cases", "samples/policies/default.cases.yaml");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("4 mismatch(es)", result.Output, StringComparison.Ordinal);
        Assert.Equal(4, result.Output.Split('\n').Count(l => l.Contains("MISMATCH", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Test_BadCasesFile_NamesTheLineAndExits2()
    {
        using var temp = new TempFolder();
        var cases = temp.Write("cases.yaml", "cases:\n  - name: x\n    tool: search_docs\n    expect: perhaps\n");

        var result = await Fa.RunAsync("policy", "test", "samples/policies/default.yaml", "--cases", cases);

        result.AssertOneLineError(2);
        Assert.Contains("cases.yaml:4:", result.Error, StringComparison.Ordinal);
    }
}
