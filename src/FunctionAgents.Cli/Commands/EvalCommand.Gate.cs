using System.CommandLine;
using FunctionAgents.Domain.Evaluation.Gating;
using FunctionAgents.Domain.Evaluation.Reporting;
using FunctionAgents.Domain.Evaluation;

namespace FunctionAgents.Cli.Commands;

internal static partial class EvalCommand
{
    private static Command Gate(CliContext context)
    {
        var input = InReport();
        var minQuality = new Option<double?>("--min-quality") { Description = "Lowest acceptable candidate mean quality, 0..1 (e.g. 0.82)." };
        var maxCostDelta = new Option<double?>("--max-cost-delta") { Description = "Highest acceptable relative cost change against the baseline (0.15 = +15%)." };
        var maxRegressions = new Option<int?>("--max-policy-regressions") { Description = "Most steps whose policy decision may differ from the baseline's." };
        var format = CliOptions.Format("text or json.", "text", "json");
        var gate = new Command("gate", "Pass (exit 0) or fail (exit 1) a report against thresholds, printing every reason.")
        {
            input, minQuality, maxCostDelta, maxRegressions, format,
        };
        gate.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(minQuality) is { } q && (q < 0 || q > 1))
            {
                throw CliException.Usage($"--min-quality must be between 0 and 1, not {q}");
            }

            if (parse.GetValue(maxRegressions) is < 0)
            {
                throw CliException.Usage("--max-policy-regressions must not be negative");
            }

            var report = await ReadReportAsync(context, parse.GetRequiredValue(input), cancellationToken);
            var result = EvaluationGate.Evaluate(report, new GateThresholds(parse.GetValue(minQuality), parse.GetValue(maxCostDelta), parse.GetValue(maxRegressions)));
            if (parse.GetValue(format) == "json")
            {
                await context.Output.WriteLineAsync(EvaluationJson.Serialize(result));
            }
            else
            {
                foreach (var check in result.Checks)
                {
                    await context.Output.WriteLineAsync($"{(check.Passed ? "PASS" : "FAIL")}  {check.Name}: {check.Message}");
                }

                await context.Output.WriteLineAsync(result.Passed
                    ? $"gate passed ({report.EvaluationId})"
                    : $"gate failed ({result.Reasons.Count} reason{(result.Reasons.Count == 1 ? string.Empty : "s")}, {report.EvaluationId})");
            }

            return result.Passed ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return gate;
    }
}
