using System.ClientModel;
using System.Text.Json;
using FunctionAgents.Azure.Tests.OpenAI.Fakes;
using FunctionAgents.Cli.Tests.Support;
using FunctionAgents.Domain.Evaluation.Sets;
using Microsoft.Extensions.AI;
using OpenAI;

namespace FunctionAgents.Cli.Tests;

public sealed class EvalRunCommandTests : IDisposable
{
    private const string OneCase = """
        name: one
        cases:
          - id: status-1042
            goal: "What is the status of order 1042?"
            metadata: { asOf: "2026-11-20" }
            expect:
              tools: [query_sql]
              facts: ["1042", "status delivered"]
              status: completed
        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static SetReport Read(string path) => SetReportJson.Deserialize(File.ReadAllText(path));

    private static IChatClient Judge(FakeChatServer server) =>
        new OpenAI.Chat.ChatClient("judge-model-1", new ApiKeyCredential("test-key"), new OpenAIClientOptions { Endpoint = server.Endpoint }).AsIChatClient();

    [Fact]
    public async Task Run_ShippedSet_WritesJsonMarkdownAndSelfContainedHtml_AndTheGatePasses()
    {
        var report = _temp.File("report.json");

        var run = await Fa.RunAsync("eval", "run", "--dataset", "samples/eval/support-desk.yaml", "--allow-email-domain", "kestrelgoods.example", "--out", report);
        var gate = await Fa.RunAsync("eval", "gate", "--in", report);

        Assert.True(run.ExitCode == 0, run.Error);
        var read = Read(report);
        Assert.Equal(SetReport.KindName, read.Kind);
        Assert.True(read.Baseline.Cases.Count >= 20);
        Assert.Null(read.Judge);
        Assert.Contains("# Evaluation of support-desk", File.ReadAllText(_temp.File("report.md")), StringComparison.Ordinal);
        var html = File.ReadAllText(_temp.File("report.html"));
        Assert.Contains("refund-1042", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, gate.ExitCode);
        Assert.Contains("SKIP  answer_relevance: not run on any case (not counted as passed)", gate.Output, StringComparison.Ordinal);
        Assert.Contains("gate passed (support-desk, baseline)", gate.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gate_MinOverride_FailsNamingTheEvaluatorAndItsCases_BadOverrideIsExit2()
    {
        var report = _temp.File("report.json");
        Assert.Equal(0, (await Fa.RunAsync("eval", "run", "--dataset", "samples/eval/support-desk.yaml", "--allow-email-domain", "kestrelgoods.example", "--out", report)).ExitCode);

        var strict = await Fa.RunAsync("eval", "gate", "--in", report, "--min", "answer_facts=0.99");

        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("FAIL  answer_facts: mean 0.917 over 24 case(s) is below 0.99; failing cases: shipping-times-france, support-opening-hours", strict.Output, StringComparison.Ordinal);
        (await Fa.RunAsync("eval", "gate", "--in", report, "--min", "answer_facts")).AssertOneLineError(2);
        (await Fa.RunAsync("eval", "gate", "--in", report, "--min-quality", "0.8")).AssertOneLineError(2);
    }

    [Theory]
    [InlineData("name: d\ncases:\n  - id: a\n    goal: g\n    colour: red\n", "bad.yaml:5: cases[0].colour: unknown field")]
    [InlineData("name: d\ncases:\n  - id: a\n    goal: g\n    expect: { status: done }\n", "bad.yaml:5: cases[0].expect.status: 'done' is not one of")]
    [InlineData("name: d\ncases:\n  - id: a\n    goal: [unclosed\n", "bad.yaml:5: (yaml)")]
    public async Task Run_BadDataset_IsExit2NamingFileLineAndField(string yaml, string expected)
    {
        _temp.Write("bad.yaml", yaml);

        var result = await Fa.RunAsync(["eval", "run", "--dataset", "bad.yaml", "--out", _temp.File("r.json")], workingDirectory: _temp.Path);

        result.AssertOneLineError(2);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_LoopbackJudge_ScoresJudgedEvaluators_AndRescoringMakesNoModelCall()
    {
        _temp.Write("one.yaml", OneCase);
        await using var server = new FakeChatServer();
        server.Reply(
            ChatReply.Completion("""{"score": 5, "reason": "the rows show the order"}"""),
            ChatReply.Completion("""{"score": 4, "reason": "answers the status"}"""),
            ChatReply.Completion("""{"score": 5, "reason": "every claim is in the rows"}"""));

        var first = await Fa.RunAsync(["eval", "run", "--dataset", "one.yaml", "--out", _temp.File("first.json"), "--judge-cache", _temp.File("cache.jsonl")], workingDirectory: _temp.Path, judge: Judge(server));
        var again = await Fa.RunAsync(["eval", "run", "--dataset", "one.yaml", "--out", _temp.File("again.json"), "--judge-cache", _temp.File("cache.jsonl")], workingDirectory: _temp.Path, judge: Judge(server));

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal(3, server.Requests.Count);
        Assert.Contains("judge model calls: 3", first.Output, StringComparison.Ordinal);
        Assert.Contains("judge model calls: 0", again.Output, StringComparison.Ordinal);
        var report = Read(_temp.File("first.json"));
        Assert.Equal("judge-model-1", report.Judge!.Model);
        Assert.Equal("judge/answer-relevance/v1", report.Judge.PromptVersions["answer_relevance"]);
        var metrics = report.Baseline.Cases[0].Metrics.ToDictionary(m => m.Evaluator, m => m.Value);
        Assert.Equal(5, metrics["step_success"]);
        Assert.Equal(4, metrics["answer_relevance"]);
        Assert.Equal(5, metrics["answer_groundedness"]);
        Assert.Equal(
            report.Baseline.Cases[0].Metrics.Select(m => (m.Evaluator, m.Value)),
            Read(_temp.File("again.json")).Baseline.Cases[0].Metrics.Select(m => (m.Evaluator, m.Value)));
        using var body = JsonDocument.Parse(server.Requests[0].Body);
        Assert.Equal("json_object", body.RootElement.GetProperty("response_format").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Run_JudgeAnswersOutsideItsSchema_MetricsAreErroredAndTheGateFails()
    {
        _temp.Write("one.yaml", OneCase);
        await using var server = new FakeChatServer();
        server.Reply(
            ChatReply.Completion("Looks good to me."),
            ChatReply.Completion("""{"score": 9, "reason": "off the scale"}"""),
            ChatReply.Completion("""{"score": 4, "reason": "fine"}"""));

        var run = await Fa.RunAsync(["eval", "run", "--dataset", "one.yaml", "--out", _temp.File("r.json")], workingDirectory: _temp.Path, judge: Judge(server));
        var gate = await Fa.RunAsync(["eval", "gate", "--in", _temp.File("r.json")], workingDirectory: _temp.Path);

        Assert.True(run.ExitCode == 0, run.Error);
        var metrics = Read(_temp.File("r.json")).Baseline.Cases[0].Metrics.ToDictionary(m => m.Evaluator);
        Assert.True(metrics["step_success"].Errored);
        Assert.Contains("outside its schema", metrics["step_success"].Reason, StringComparison.Ordinal);
        Assert.True(metrics["answer_relevance"].Errored);
        Assert.Equal(4, metrics["answer_groundedness"].Value);
        Assert.Equal(1, gate.ExitCode);
        Assert.Contains("FAIL  step_success: errored on 1 case(s): status-1042", gate.Output, StringComparison.Ordinal);
    }
}
