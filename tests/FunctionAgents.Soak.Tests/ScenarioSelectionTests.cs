using System.Diagnostics;

namespace FunctionAgents.Soak.Tests;

/// <summary>
/// scripts/soak.sh's command line: a suite that runs nothing never passes. An unknown scenario or argument is exit 2
/// naming the known scenarios, and an empty result set is never exit 0.
/// </summary>
public sealed class ScenarioSelectionTests
{
    private static readonly string[] Known = ["tamper", "append race", "tenancy", "poison"];

    [Fact]
    public void Parse_NoArguments_SelectsEveryScenarioInOrder()
    {
        var selection = ScenarioSelection.Parse([], Known);

        Assert.Null(selection.Error);
        Assert.False(selection.Quick);
        Assert.Equal(Known, selection.Names);
    }

    [Fact]
    public void Parse_QuickOnlyAKnownName_SelectsJustThatOne()
    {
        var selection = ScenarioSelection.Parse(["--quick", "--only", "tenancy"], Known);

        Assert.Null(selection.Error);
        Assert.True(selection.Quick);
        Assert.Equal(new[] { "tenancy" }, selection.Names);
    }

    [Fact]
    public void Parse_SeveralNames_SelectsThemInSuiteOrder()
    {
        var selection = ScenarioSelection.Parse(["--only", "poison,tamper", "--only", "tenancy"], Known);

        Assert.Null(selection.Error);
        Assert.Equal(new[] { "tamper", "tenancy", "poison" }, selection.Names);
    }

    [Theory]
    [InlineData("galaxy")]
    [InlineData("Tenancy")]
    [InlineData("tenancy,galaxy")]
    public void Parse_UnknownScenario_IsAnErrorNamingItAndTheKnownOnes(string only)
    {
        var selection = ScenarioSelection.Parse(["--quick", "--only", only], Known);

        Assert.NotNull(selection.Error);
        Assert.Empty(selection.Names);
        Assert.Contains("unknown scenario", selection.Error, StringComparison.Ordinal);
        Assert.Contains("known scenarios: 'tamper', 'append race', 'tenancy', 'poison'", selection.Error, StringComparison.Ordinal);
        Assert.Equal(2, ScenarioSelection.UsageExitCode);
    }

    [Theory]
    [InlineData("--only")]
    [InlineData("--only", "")]
    [InlineData("--only", ",")]
    [InlineData("--only", "--quick")]
    [InlineData("--quik")]
    [InlineData("tenancy")]
    public void Parse_EmptySelectionOrUnknownArgument_IsAnError(params string[] args)
    {
        var selection = ScenarioSelection.Parse(args, Known);

        Assert.NotNull(selection.Error);
        Assert.Empty(selection.Names);
    }

    [Fact]
    public void ExitCode_NoResults_NeverPasses()
    {
        var selection = ScenarioSelection.Parse(["--only", "tenancy"], Known);

        var exitCode = selection.ExitCode([], out var reason);

        Assert.Equal(ScenarioSelection.UsageExitCode, exitCode);
        Assert.Contains("checked nothing", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ExitCode_EveryResult_IsTheNumberOfFailures()
    {
        var selection = ScenarioSelection.Parse(["--only", "tamper,tenancy"], Known);
        ScenarioResult[] passed = [new("tamper", 10, 0, TimeSpan.Zero, "ok"), new("tenancy", 5, 0, TimeSpan.Zero, "ok")];
        ScenarioResult[] oneFailed = [new("tamper", 10, 0, TimeSpan.Zero, "ok"), new("tenancy", 5, 1, TimeSpan.Zero, "leak")];

        Assert.Equal(0, selection.ExitCode(passed, out var none));
        Assert.Null(none);
        Assert.Equal(1, selection.ExitCode(oneFailed, out _));
    }

    [Fact]
    public async Task EntryPoint_UnknownScenario_Exits2BeforeStartingAnythingAndNamesTheKnownScenarios()
    {
        var soak = Path.Combine(AppContext.BaseDirectory, "FunctionAgents.Soak.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { soak, "--quick", "--only", "galaxy" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Equal(string.Empty, (await output).Trim());
        var message = await error;
        Assert.Contains("unknown scenario 'galaxy'", message, StringComparison.Ordinal);
        Assert.Contains("'tenancy'", message, StringComparison.Ordinal);
        Assert.Contains("'crash matrix'", message, StringComparison.Ordinal);
        Assert.Contains("'cluster'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Scale_ShortensTheFullCounts_AndDefaultsToOne()
    {
        var scaled = ScenarioSelection.Parse(["--scale", "0.05", "--only", "poison"], Known);
        var plain = ScenarioSelection.Parse(["--only", "poison"], Known);
        var environment = new SoakEnvironment("UseDevelopmentStorage=true", "t") { Scale = scaled.Scale, Diagnostics = new SoakDiagnostics(Path.Combine(Path.GetTempPath(), "fa-soak-selection-tests")) };

        Assert.Null(scaled.Error);
        Assert.Equal(0.05, scaled.Scale);
        Assert.Equal(1, plain.Scale);
        Assert.Equal(50, environment.Scaled(1_000));
        Assert.Equal(10, environment.Scaled(200));
        Assert.Equal(4, environment.Scaled(20, minimum: 4));
    }

    [Theory]
    [InlineData("--scale")]
    [InlineData("--scale", "0")]
    [InlineData("--scale", "1.5")]
    [InlineData("--scale", "-0.1")]
    [InlineData("--scale", "half")]
    [InlineData("--scale", "NaN")]
    public void Parse_ScaleNotAFractionUpToOne_IsAnErrorNamingTheOption(params string[] args)
    {
        var selection = ScenarioSelection.Parse(args, Known);

        Assert.Empty(selection.Names);
        Assert.Contains("--scale needs a fraction", selection.Error, StringComparison.Ordinal);
    }
}
