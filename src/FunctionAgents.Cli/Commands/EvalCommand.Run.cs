using System.CommandLine;
using FunctionAgents.Azure.Content;
using FunctionAgents.Cli.Evaluation;
using FunctionAgents.Cli.Output;
using FunctionAgents.Cli.Telemetry;
using FunctionAgents.Domain.Evaluation.Sets;
using FunctionAgents.Runtime.Evaluation.Evaluators;
using FunctionAgents.Runtime.Evaluation.Judging;
using FunctionAgents.Runtime.Evaluation.Sets;
using Microsoft.Extensions.AI.Evaluation;

namespace FunctionAgents.Cli.Commands;

internal static partial class EvalCommand
{
    private static Command Run(CliContext context)
    {
        var dataset = new Option<string>("--dataset") { Description = "The evaluation set (YAML; see samples/eval/support-desk.yaml).", Required = true };
        var policy = new Option<string?>("--policy") { Description = "The current policy; default FA_POLICY_PATH, else samples/policies/default.yaml." };
        var candidatePolicy = new Option<string?>("--candidate-policy") { Description = "Also run every case under this candidate policy and compare." };
        var candidatePrompt = new Option<string?>("--candidate-prompt") { Description = "Also run every case with the Azure OpenAI planner on this prompt version and compare." };
        var candidateModel = new Option<string?>("--candidate-model") { Description = "Also run every case with the Azure OpenAI planner and builder on this deployment and compare." };
        var allowDomain = new Option<string[]>("--allow-email-domain") { Description = "A mail domain that is not personal data (the organisation's own), e.g. kestrelgoods.example; repeatable.", AllowMultipleArgumentsPerToken = true };
        var judgeCache = new Option<string?>("--judge-cache") { Description = "The judgement cache (JSON Lines); default <out>.judgements.jsonl. Re-scoring with it makes no judge call." };
        var output = new Option<string>("--out") { Description = "Where to write the JSON report; <out>.md and <out>.html are written beside it.", Required = true };
        var run = new Command("run", "Run every case of an evaluation set live, score each run with every evaluator, and write a report.")
        {
            dataset, policy, candidatePolicy, candidatePrompt, candidateModel, allowDomain, judgeCache, output,
        };
        run.SetAction(async (parse, cancellationToken) =>
        {
            using var trace = CliTrace.Start(context, "fa.cli.eval.run");
            var reportPath = context.FullPath(parse.GetRequiredValue(output));
            if (Path.GetDirectoryName(reportPath) is { } folder && !Directory.Exists(folder))
            {
                throw CliException.Usage($"the folder of --out '{parse.GetRequiredValue(output)}' does not exist");
            }

            var set = SetRunSetup.LoadSet(context, parse.GetRequiredValue(dataset));
            var policyFile = parse.GetValue(policy) ?? context.GetSetting(ContentSettings.PolicyPathSetting) ?? ContentSettings.DefaultPolicyPath;
            var baseline = SetRunSetup.Create(context, policyFile, null, null);
            var hasCandidate = parse.GetValue(candidatePolicy) is not null || parse.GetValue(candidatePrompt) is not null || parse.GetValue(candidateModel) is not null;
            var candidate = hasCandidate
                ? SetRunSetup.Create(context, parse.GetValue(candidatePolicy) ?? policyFile, parse.GetValue(candidatePrompt), parse.GetValue(candidateModel))
                : null;

            using var judgeSource = CliJudge.Resolve(context);
            var judge = new Judge(new JudgementCache(context.FullPath(parse.GetValue(judgeCache) ?? Path.ChangeExtension(reportPath, null) + ".judgements.jsonl")));
            IReadOnlyList<IEvaluator> evaluators = [.. DeterministicEvaluators.All(parse.GetValue(allowDomain)), .. JudgedEvaluators.All(judge)];
            var chat = judgeSource.Client is { } client ? new ChatConfiguration(client) : null;
            var judgeInfo = judgeSource.Client is { } c ? new JudgeInfo(JudgeModel.Describe(c), JudgedEvaluators.PromptVersions) : null;

            await context.Output.WriteLineAsync($"running {set.Cases.Count} case(s) of {set.Name}{(candidate is null ? string.Empty : ", baseline and candidate")}; judge: {judgeInfo?.Model ?? "none (judged evaluators not run)"}");
            var baselineSide = await new EvaluationSetRunner(baseline, evaluators, chat, TimeProvider.System)
                .RunAsync(set, "baseline", c => Progress(context, "baseline", c), cancellationToken);
            var candidateSide = candidate is null
                ? null
                : await new EvaluationSetRunner(candidate, evaluators, chat, TimeProvider.System).RunAsync(set, "candidate", c => Progress(context, "candidate", c), cancellationToken);
            var report = SetSummaries.Report(set, TimeProvider.System.GetUtcNow(), judgeInfo, baselineSide, candidateSide);

            await File.WriteAllTextAsync(reportPath, SetReportJson.Serialize(report), cancellationToken);
            await File.WriteAllTextAsync(Path.ChangeExtension(reportPath, ".md"), SetReportWriter.Markdown(report), cancellationToken);
            await File.WriteAllTextAsync(Path.ChangeExtension(reportPath, ".html"), SetReportWriter.Html(report), cancellationToken);
            SetReportWriter.WriteSummary(context.Output, report, markdown: false);
            await context.Output.WriteLineAsync($"judge model calls: {judge.ModelCalls} ({judge.Cache.Count} judgement(s) cached)");
            await context.Output.WriteLineAsync($"report written to {parse.GetRequiredValue(output)} (and .md, .html)");
            return trace.Finish(ExitCodes.Ok);
        });
        return run;
    }

    private static void Progress(CliContext context, string side, CaseResult result) =>
        context.Output.WriteLine(result.Errored
            ? $"  {side} {result.CaseId}: errored: {result.Error}"
            : $"  {side} {result.CaseId}: {result.Status}, {result.Metrics.Count(m => m.Failed || m.Errored)} failing metric(s)");
}
