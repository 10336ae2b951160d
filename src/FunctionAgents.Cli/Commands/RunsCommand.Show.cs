using System.CommandLine;
using FunctionAgents.Cli.Output;
using FunctionAgents.Cli.Storage;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Cli.Commands;

internal static partial class RunsCommand
{
    private static Command Show(CliContext context)
    {
        var runId = new Argument<string>("runId") { Description = "The run's id." };
        var tenant = CliOptions.Tenant("Show the run only if it belongs to this tenant.");
        var journalFile = CliOptions.JournalFile();
        var storage = CliOptions.Storage();
        var show = new Command("show", "Show a run's state, steps and journal events.") { runId, tenant, journalFile, storage };
        show.SetAction(async (parse, cancellationToken) =>
        {
            var id = parse.GetRequiredValue(runId);
            await using var source = await RunSource.OpenAsync(context, parse.GetValue(journalFile), parse.GetValue(storage), cancellationToken);
            var events = await CliStorage.CallAsync(source, async () =>
            {
                var list = new List<RunEvent>();
                await foreach (var e in source.Journal.ReadAsync(id, cancellationToken: cancellationToken))
                {
                    list.Add(e);
                }

                return list;
            });
            var state = RunEvolver.Fold(events);
            if (events.Count == 0 || (parse.GetValue(tenant) is { } t && state.TenantId != t))
            {
                throw new CliException(ExitCodes.Failed, $"run {id} was not found in {source.Description}");
            }

            Write(context.Output, state, events);
            return ExitCodes.Ok;
        });
        return show;
    }

    private static void Write(TextWriter output, RunState state, List<RunEvent> events)
    {
        output.WriteLine($"run      {state.RunId} (tenant {state.TenantId})");
        output.WriteLine($"status   {RunStatusNames.ToName(state.Status)}{(state.FailureCode is { } code ? $" ({code}: {state.FailureReason})" : string.Empty)}");
        output.WriteLine($"goal     {state.Goal}");
        output.WriteLine($"started  {(state.StartedAt is { } s ? Formats.Time(s) : "-")}, finished {(state.FinishedAt is { } f ? Formats.Time(f) : "-")}");
        output.WriteLine($"cost     {Formats.Usd(state.CostUsd)} of {Formats.Usd(state.BudgetUsd)} USD, planner {state.Planner ?? "-"}");
        if (state.Response is { } response)
        {
            output.WriteLine($"answer   {Formats.Shorten(FaApp.OneLine(response), 160)}");
        }

        output.WriteLine();
        TextTable.Write(
            output,
            ["step", "tool", "phase", "decision", "by", "reason"],
            state.Steps.Select(st => (IReadOnlyList<string>)[
                st.Id, st.Tool, st.Phase.ToString(), st.Decision?.ToString() ?? "-", st.DecidedBy ?? "-", Formats.Shorten(st.Reason ?? string.Empty, 60)]));
        output.WriteLine();
        TextTable.Write(
            output,
            ["seq", "time", "type", "actor", "cause"],
            events.Select(e => (IReadOnlyList<string>)[
                Formats.Int(e.Seq), Formats.Time(e.OccurredAt), e.Type, e.Actor, e.CausationSeq is { } c ? Formats.Int(c) : "-"]));
    }
}
