using System.CommandLine;
using FunctionAgents.Cli.Output;
using FunctionAgents.Domain.Evaluation.Reporting;
using FunctionAgents.Domain.Evaluation;

namespace FunctionAgents.Cli.Commands;

internal static partial class EvalCommand
{
    private static Command Score(CliContext context)
    {
        var input = InReport();
        var format = CliOptions.Format("table, json or markdown.", "table", "json", "markdown");
        var score = new Command("score", "Show a report's metrics: overall and per day, route, model and tenant, with alerts.") { input, format };
        score.SetAction(async (parse, cancellationToken) =>
        {
            var report = await ReadReportAsync(context, parse.GetRequiredValue(input), cancellationToken);
            switch (parse.GetValue(format))
            {
                case "json":
                    await context.Output.WriteLineAsync(EvaluationJson.Serialize(report));
                    break;
                default:
                    ReportPrinter.Write(context.Output, report, markdown: parse.GetValue(format) == "markdown");
                    break;
            }

            return ExitCodes.Ok;
        });
        return score;
    }
}
