using System.CommandLine;
using System.Text.Json;
using FunctionAgents.Runtime.Forensics;

namespace FunctionAgents.Cli.Commands.Forensics;

/// <summary><c>fa runs explain &lt;runId&gt;</c>: the run as a readable timeline.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var runId = new Argument<string>("runId") { Description = "The run's id." };
        var tenant = CliOptions.Tenant("Explain the run only if it belongs to this tenant.");
        var format = CliOptions.Format("text (a readable timeline) or json.", "text", "json");
        var journalFile = CliOptions.JournalFile();
        var storage = CliOptions.Storage();
        var explain = new Command("explain", "Show a run as a timeline, every event explained in plain English.") { runId, tenant, format, journalFile, storage };
        explain.SetAction(async (parse, cancellationToken) =>
        {
            var id = parse.GetRequiredValue(runId);
            await using var source = await ForensicsSource.OpenAsync(context, parse.GetValue(journalFile), parse.GetValue(storage), cancellationToken);
            var timeline = await source.CallAsync(() => new RunForensics(source.Journal).TimelineAsync(parse.GetValue(tenant), id, cancellationToken))
                ?? throw new CliException(ExitCodes.Failed, $"run {id} was not found in {source.Description}");
            await context.Output.WriteAsync(parse.GetValue(format) == "json"
                ? JsonSerializer.Serialize(timeline, ForensicsJsonContext.Default.RunTimeline) + Environment.NewLine
                : ForensicsText.Timeline(timeline));
            return ExitCodes.Ok;
        });
        return explain;
    }
}
