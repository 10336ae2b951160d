using System.Text.Json;
using FunctionAgents.Cli.Tests.Support;
using FunctionAgents.Domain.Evaluation.Reporting;
using FunctionAgents.Domain.Evaluation;

namespace FunctionAgents.Cli.Tests;

public sealed class EvalCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<(string Journal, string Report)> ReplayAsync(params string[] extra)
    {
        var journal = await RealRuns.ExportAsync(_temp.Path);
        var report = _temp.File("report.json");
        var day = RealRuns.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var result = await Fa.RunAsync(["eval", "replay", "--journal-file", journal, "--from", day, "--to", day, "--out", report, .. extra]);
        Assert.True(result.ExitCode == 0, result.Error);
        return (journal, report);
    }

    private static EvaluationReport Read(string path) => EvaluationJson.DeserializeReport(File.ReadAllText(path));

    [Fact]
    public async Task Replay_RealRunsUnderTheirPolicy_ReproducesEveryRun()
    {
        var (_, path) = await ReplayAsync();

        var report = Read(path);
        Assert.Equal(RealRuns.Goals.Length, report.RunsScored);
        Assert.Equal(0, report.Overall!.DivergentRuns);
        Assert.Equal(0, report.Overall.PolicyRegressions);
        Assert.Equal(1d, report.Overall.Baseline.SuccessRate);
        Assert.Equal(["acme", "globex"], report.Tenants.Select(t => t.Key));
        Assert.Equal(RealRuns.Goals.Length, File.ReadAllLines(Path.ChangeExtension(path, null) + ".runs.jsonl").Length);
    }

    [Fact]
    public async Task Replay_CandidateWithoutEmail_RegressesTheEmailRunAndTheGateFails()
    {
        var (_, path) = await ReplayAsync("--candidate-policy", "samples/policies/candidate-no-email.yaml");

        var report = Read(path);
        Assert.True(report.CandidatePolicy);
        Assert.Equal(1, report.Overall!.PolicyRegressions);
        Assert.Equal("send_email", Assert.Single(report.Regressions).Tool);

        var gate = await Fa.RunAsync("eval", "gate", "--in", path, "--min-quality", "0.5", "--max-cost-delta", "0.15", "--max-policy-regressions", "0");

        Assert.Equal(1, gate.ExitCode);
        Assert.Contains("FAIL  max_policy_regressions", gate.Output, StringComparison.Ordinal);
        Assert.Contains("PASS  min_quality", gate.Output, StringComparison.Ordinal);
        Assert.Contains("gate failed (1 reason", gate.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gate_WithinThresholds_Exits0()
    {
        var (_, path) = await ReplayAsync();

        var gate = await Fa.RunAsync("eval", "gate", "--in", path, "--min-quality", "0.5", "--max-cost-delta", "0.15", "--max-policy-regressions", "0");

        Assert.Equal(0, gate.ExitCode);
        Assert.Contains("gate passed", gate.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gate_EveryFailure_IsPrinted()
    {
        var (_, path) = await ReplayAsync("--candidate-policy", "samples/policies/candidate-no-email.yaml");

        var gate = await Fa.RunAsync("eval", "gate", "--in", path, "--min-quality", "0.99", "--max-policy-regressions", "0", "--format", "json");

        Assert.Equal(1, gate.ExitCode);
        using var json = JsonDocument.Parse(gate.Output);
        Assert.False(json.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal(2, json.RootElement.GetProperty("checks").EnumerateArray().Count(c => !c.GetProperty("passed").GetBoolean()));
    }

    [Fact]
    public async Task Gate_MissingOrInvalidReport_IsExit2()
    {
        var notJson = _temp.Write("broken.json", "{ not json");

        (await Fa.RunAsync("eval", "gate", "--in", _temp.File("nope.json"), "--min-quality", "0.8")).AssertOneLineError(2);
        (await Fa.RunAsync("eval", "gate", "--in", notJson, "--min-quality", "0.8")).AssertOneLineError(2);
    }

    [Theory]
    [InlineData("table", "group")]
    [InlineData("markdown", "| group |")]
    [InlineData("json", "\"evaluationId\"")]
    public async Task Score_EachFormat_Exits0(string format, string expected)
    {
        var (_, path) = await ReplayAsync();

        var result = await Fa.RunAsync("eval", "score", "--in", path, "--format", format);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_LiveModeWithoutAModel_IsExit2WithTheReason()
    {
        var journal = await RealRuns.ExportAsync(_temp.Path);

        var result = await Fa.RunAsync("eval", "replay", "--journal-file", journal, "--from", "2026-11-20", "--to", "2026-11-20", "--mode", "live", "--out", _temp.File("r.json"));

        result.AssertOneLineError(2);
        Assert.Contains("AZURE_OPENAI_ENDPOINT", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_BadDayOrMissingJournal_IsExit2()
    {
        (await Fa.RunAsync("eval", "replay", "--journal-file", "x.jsonl", "--from", "20 Nov", "--to", "2026-11-20", "--out", _temp.File("r.json"))).AssertOneLineError(2);
        (await Fa.RunAsync("eval", "replay", "--journal-file", _temp.File("missing.jsonl"), "--from", "2026-11-20", "--to", "2026-11-20", "--out", _temp.File("r.json"))).AssertOneLineError(2);
    }

    [Fact]
    public async Task Replay_UnreachableStorage_IsOneLineAndNonZero()
    {
        const string storage = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;";

        var result = await Fa.RunAsync("eval", "replay", "--storage", storage, "--from", "2026-11-20", "--to", "2026-11-20", "--out", _temp.File("r.json"));

        result.AssertOneLineError(1);
        Assert.Contains("unreachable", result.Error, StringComparison.Ordinal);
    }
}
