using System.CommandLine;
using System.Text.Json;
using FunctionAgents.Runtime.Forensics;

namespace FunctionAgents.Cli.Commands.Forensics;

/// <summary><c>fa runs why &lt;runId&gt; &lt;seq&gt;</c>: the causation chain of one event back to the run's input.</summary>
internal static class WhyCommand
{
    public static Command Create(CliContext context)
    {
        var runId = new Argument<string>("runId") { Description = "The run's id." };
        var seq = new Argument<long>("seq") { Description = "The event to explain (its Seq)." };
        var tenant = CliOptions.Tenant("Read the run only if it belongs to this tenant.");
        var format = CliOptions.Format("text or json.", "text", "json");
        var journalFile = CliOptions.JournalFile();
        var storage = CliOptions.Storage();
        var why = new Command("why", "Walk an event's causes back to the run's input, each explained.") { runId, seq, tenant, format, journalFile, storage };
        why.SetAction(async (parse, cancellationToken) =>
        {
            var id = parse.GetRequiredValue(runId);
            var at = parse.GetValue(seq);
            await using var source = await ForensicsSource.OpenAsync(context, parse.GetValue(journalFile), parse.GetValue(storage), cancellationToken);
            var events = await source.CallAsync(() => new RunForensics(source.Journal).ReadAsync(parse.GetValue(tenant), id, cancellationToken))
                ?? throw new CliException(ExitCodes.Failed, $"run {id} was not found in {source.Description}");
            if (!events.Any(e => e.Seq == at))
            {
                throw new CliException(ExitCodes.Failed, $"run {id} has no event at Seq {at}; its events are 1 to {events[^1].Seq}");
            }

            var walk = CausationChain.Walk(events, at);
            await context.Output.WriteAsync(parse.GetValue(format) == "json"
                ? JsonSerializer.Serialize(walk, ForensicsJsonContext.Default.CausationWalk) + Environment.NewLine
                : ForensicsText.Causation(id, walk));
            return ExitCodes.Ok;
        });
        return why;
    }
}
