using System.CommandLine;
using System.Text.Json;
using FunctionAgents.Domain.Evaluation.Reporting;
using FunctionAgents.Domain.Evaluation;

namespace FunctionAgents.Cli.Commands;

/// <summary><c>fa eval replay | score | gate</c>: CI for agent changes.</summary>
internal static partial class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var eval = new Command("eval", "Replay journaled runs or run an evaluation set under a candidate configuration, score them, and gate the change.");
        eval.Subcommands.Add(Replay(context));
        eval.Subcommands.Add(Run(context));
        eval.Subcommands.Add(Score(context));
        eval.Subcommands.Add(Gate(context));
        return eval;
    }

    private static Option<string> InReport() => new("--in") { Description = "The report written by 'fa eval replay --out'.", Required = true };

    /// <summary>Reads a report file; a missing or malformed one is an input error (exit 2).</summary>
    private static async Task<EvaluationReport> ReadReportAsync(CliContext context, string file, CancellationToken cancellationToken)
    {
        var path = context.ExistingFile(file, "report");
        try
        {
            await using var stream = File.OpenRead(path);
            return await EvaluationJson.DeserializeReportAsync(stream, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw CliException.Usage($"{file} is not an evaluation report: {ex.Message}", ex);
        }
    }
}
