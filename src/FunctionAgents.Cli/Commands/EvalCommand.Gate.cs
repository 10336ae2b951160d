using System.CommandLine;
using FunctionAgents.Domain.Evaluation.Gating;
using FunctionAgents.Domain.Evaluation.Reporting;
using System.Text.Json;
using FunctionAgents.Domain.Evaluation;
using FunctionAgents.Domain.Evaluation.Sets;

namespace FunctionAgents.Cli.Commands;

internal static partial class EvalCommand
{
    private static Command Gate(CliContext context)
    {
        var input = InReport();
        var minQuality = new Option<double?>("--min-quality") { Description = "Lowest acceptable candidate mean quality, 0..1 (e.g. 0.82)." };
        var maxCostDelta = new Option<double?>("--max-cost-delta") { Description = "Highest acceptable relative cost change against the baseline (0.15 = +15%)." };
        var maxRegressions = new Option<int?>("--max-policy-regressions") { Description = "Most steps whose policy decision may differ from the baseline's." };
        var min = new Option<string[]>("--min")
        {
            Description = "Evaluation-set reports: <evaluator>=<lowest mean>, overriding its default threshold (docs/evaluation.md); repeatable.",
            AllowMultipleArgumentsPerToken = true,
        };
        var format = CliOptions.Format("text or json.", "text", "json");
        var gate = new Command("gate", "Pass (exit 0) or fail (exit 1) a report against thresholds, printing every reason.")
        {
            input, minQuality, maxCostDelta, maxRegressions, min, format,
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

            var file = parse.GetRequiredValue(input);
            var text = await File.ReadAllTextAsync(context.ExistingFile(file, "report"), cancellationToken);
            if (IsSetReport(text))
            {
                if (parse.GetValue(minQuality) is not null || parse.GetValue(maxCostDelta) is not null || parse.GetValue(maxRegressions) is not null)
                {
                    throw CliException.Usage($"{file} is an evaluation-set report: use --min <evaluator>=<value>, not --min-quality, --max-cost-delta or --max-policy-regressions");
                }

                var setReport = ReadSetReport(file, text);
                var setResult = SetGate.Evaluate(setReport, ParseMinimums(parse.GetValue(min) ?? []));
                return await PrintAsync(context, setResult, $"{setReport.Set}, {setReport.Gated.Label}", parse.GetValue(format) == "json");
            }

            if (parse.GetValue(min) is { Length: > 0 })
            {
                throw CliException.Usage("--min applies to evaluation-set reports (fa eval run); this is a replay report");
            }

            var report = await ReadReportAsync(context, file, cancellationToken);
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

    private static async Task<int> PrintAsync(CliContext context, GateResult result, string subject, bool json)
    {
        if (json)
        {
            await context.Output.WriteLineAsync(EvaluationJson.Serialize(result));
        }
        else
        {
            foreach (var check in result.Checks)
            {
                await context.Output.WriteLineAsync($"{(check.NotRun ? "SKIP" : check.Passed ? "PASS" : "FAIL")}  {check.Name}: {check.Message}");
            }

            await context.Output.WriteLineAsync(result.Passed
                ? $"gate passed ({subject})"
                : $"gate failed ({result.Reasons.Count} reason{(result.Reasons.Count == 1 ? string.Empty : "s")}, {subject})");
        }

        return result.Passed ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static bool IsSetReport(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return SetReportJson.IsSetReport(document.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static SetReport ReadSetReport(string file, string text)
    {
        try
        {
            return SetReportJson.Deserialize(text);
        }
        catch (JsonException ex)
        {
            throw CliException.Usage($"{file} is not an evaluation-set report: {ex.Message}", ex);
        }
    }

    /// <summary>Parses <c>evaluator=value</c> pairs; a malformed one is a usage error naming it.</summary>
    private static Dictionary<string, double> ParseMinimums(string[] pairs)
    {
        var minimums = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || !double.TryParse(pair[(at + 1)..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                throw CliException.Usage($"--min '{pair}' is not <evaluator>=<number>, e.g. answer_facts=0.95");
            }

            minimums[pair[..at]] = value;
        }

        return minimums;
    }
}
