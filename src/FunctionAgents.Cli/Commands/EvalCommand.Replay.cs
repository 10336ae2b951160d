using System.CommandLine;
using FunctionAgents.Cli.Evaluation;
using FunctionAgents.Cli.Output;
using FunctionAgents.Cli.Storage;
using FunctionAgents.Cli.Telemetry;
using FunctionAgents.Domain.Evaluation.Replay;
using FunctionAgents.Runtime.Evaluation.Replay;
using FunctionAgents.Runtime.Evaluation;
using FunctionAgents.Runtime.Journal;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionAgents.Cli.Commands;

internal static partial class EvalCommand
{
    private static Command Replay(CliContext context)
    {
        var from = new Option<string>("--from") { Description = "First UTC day, yyyy-MM-dd (runs created on it are included).", Required = true };
        var to = new Option<string>("--to") { Description = "Last UTC day, yyyy-MM-dd, inclusive.", Required = true };
        var tenant = CliOptions.Tenant("Only this tenant's runs.");
        var mode = new Option<string>("--mode") { Description = "recorded (recorded model outputs, no network) or live (re-plan and re-answer with the configured model).", DefaultValueFactory = _ => "recorded" };
        mode.AcceptOnlyFromAmong("recorded", "live");
        var candidatePolicy = new Option<string?>("--candidate-policy") { Description = "A candidate policy YAML file to decide with instead of the current one." };
        var candidatePrompt = new Option<string?>("--candidate-prompt") { Description = "The candidate planning prompt version (live mode re-plans with it)." };
        var policy = new Option<string?>("--policy") { Description = "The current policy; default FA_POLICY_PATH, else samples/policies/default.yaml." };
        var journalFile = CliOptions.JournalFile();
        var storage = CliOptions.Storage();
        var output = new Option<string>("--out") { Description = "Where to write the JSON report; run scores go to <out>.runs.jsonl beside it.", Required = true };
        var replay = new Command("replay", "Replay the finished runs of a window and write a scored report.")
        {
            from, to, tenant, mode, candidatePolicy, candidatePrompt, policy, journalFile, storage, output,
        };
        replay.SetAction(async (parse, cancellationToken) =>
        {
            // A CI pipeline's TRACEPARENT makes this replay a span of the pipeline's trace.
            using var trace = CliTrace.Start(context, "fa.cli.eval.replay");
            var request = new EvaluationRequest(
                CliOptions.Day(parse.GetRequiredValue(from), "--from"), CliOptions.Day(parse.GetRequiredValue(to), "--to"), parse.GetValue(tenant), EvaluationRequest.Cli);
            try
            {
                request.Validate();
            }
            catch (ArgumentException ex)
            {
                throw CliException.Usage(ex.Message, ex);
            }

            var reportPath = context.FullPath(parse.GetRequiredValue(output));
            if (Path.GetDirectoryName(reportPath) is { } folder && !Directory.Exists(folder))
            {
                throw CliException.Usage($"the folder of --out '{parse.GetRequiredValue(output)}' does not exist");
            }

            var configuration = ReplaySetup.Create(
                context,
                parse.GetValue(policy),
                parse.GetValue(candidatePolicy),
                parse.GetValue(mode) == "live" ? ReplayMode.Live : ReplayMode.Recorded,
                parse.GetValue(candidatePrompt));
            await using var source = await RunSource.OpenAsync(context, parse.GetValue(journalFile), parse.GetValue(storage), cancellationToken);
            using var store = new JsonlScoreStore(reportPath, Path.ChangeExtension(reportPath, null) + ".runs.jsonl");
            var service = new EvaluationService(
                source.Index,
                source.Journal,
                new RunReplayer(configuration),
                store,
                TimeProvider.System,
                NullLogger<EvaluationService>.Instance,
                new InMemoryEventJournal());
            var progress = new ConsoleProgress(context.Output, context.Interactive);
            await context.Output.WriteLineAsync($"replaying runs of {request.From:yyyy-MM-dd}..{request.To:yyyy-MM-dd} from {source.Description} ({configuration.Mode.ToString().ToLowerInvariant()} mode)");
            var report = await CliStorage.CallAsync(source, () => service.EvaluateAsync(request, progress, cancellationToken));
            progress.Finish();

            var overall = report.Overall;
            await context.Output.WriteLineAsync(
                $"{report.RunsScored} run(s) scored, {report.RunsSkipped} skipped, {overall?.DivergentRuns ?? 0} diverged, {overall?.PolicyRegressions ?? 0} policy regression(s), " +
                $"quality {Formats.Number(overall?.Baseline.MeanQuality ?? 0)} -> {Formats.Number(overall?.Candidate.MeanQuality ?? 0)}, {report.Alerts.Count} alert(s)");
            await context.Output.WriteLineAsync($"report written to {parse.GetRequiredValue(output)}");
            return trace.Finish(ExitCodes.Ok);
        });
        return replay;
    }
}
