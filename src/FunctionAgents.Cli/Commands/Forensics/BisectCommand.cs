using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Forensics.Explaining;
using FunctionAgents.Domain.Forensics.Invariants;
using FunctionAgents.Runtime.Forensics.Invariants;
using FunctionAgents.Runtime.Forensics;

namespace FunctionAgents.Cli.Commands.Forensics;

/// <summary>
/// <c>fa bisect --invariant NAME --run ID</c>: the first Seq after which the invariant fails (binary search over versions);
/// <c>fa bisect --invariant NAME --from --to</c>: the first run of the window that fails. Exit 1 when it fails, 0 when it holds.
/// </summary>
internal static class BisectCommand
{
    private const int DefaultDays = 7;

    public static Command Create(CliContext context, InvariantRegistry registry)
    {
        var invariant = new Option<string>("--invariant") { Description = $"The invariant: {string.Join(", ", registry.All.Select(i => i.Name))}.", Required = true };
        var run = new Option<string?>("--run") { Description = "Search this run's versions." };
        var from = ForensicsOptions.From($"Search the runs created from this time; default {DefaultDays} days before --to.");
        var to = ForensicsOptions.To("Search the runs created before this time; default now.");
        var tenant = CliOptions.Tenant("Only this tenant's runs.");
        var strategy = new Option<string>("--strategy")
        {
            Description = "Over a window: scan (exact, run by run) or binary (reads log2(n) runs; exact when failures persist once they begin).",
            DefaultValueFactory = _ => "scan",
        };
        strategy.AcceptOnlyFromAmong("scan", "binary");
        var format = CliOptions.Format("text or json.", "text", "json");
        var journalFile = CliOptions.JournalFile();
        var storage = CliOptions.Storage();
        var bisect = new Command("bisect", "Find where an invariant starts to fail: the first Seq of a run, or the first run of a window.")
        {
            invariant, run, from, to, tenant, strategy, format, journalFile, storage,
        };
        bisect.SetAction(async (parse, cancellationToken) =>
        {
            var rule = ForensicsOptions.Invariant(registry, parse.GetRequiredValue(invariant));
            if (parse.GetValue(run) is not null && (parse.GetValue(from) is not null || parse.GetValue(to) is not null))
            {
                throw CliException.Usage("give --run or a window (--from/--to), not both");
            }

            var json = parse.GetValue(format) == "json";
            await using var source = await ForensicsSource.OpenAsync(context, parse.GetValue(journalFile), parse.GetValue(storage), cancellationToken);
            if (parse.GetValue(run) is { } runId)
            {
                var result = await source.CallAsync(() => Bisect.FirstFailingSeqAsync(source.Journal, runId, rule, cancellationToken));
                if (result.Events == 0)
                {
                    throw new CliException(ExitCodes.Failed, $"run {runId} has no events in {source.Description}");
                }

                await context.Output.WriteLineAsync(json ? JsonSerializer.Serialize(result, ForensicsJsonContext.Default.BisectResult) : await DescribeAsync(source, result, cancellationToken));
                return result.Fails ? ExitCodes.Failed : ExitCodes.Ok;
            }

            var (start, until) = ForensicsOptions.Window(parse.GetValue(from), parse.GetValue(to), DefaultDays);
            var runs = await source.CallAsync(() => RunWindow.ListAsync(source.Index, start, until, parse.GetValue(tenant), cancellationToken));
            var how = parse.GetValue(strategy) == "binary" ? RunBisectStrategy.Binary : RunBisectStrategy.Scan;
            var progress = new LineProgress<RunCheck>(context.Error, c => $"[{c.Index + 1}/{c.RunsInWindow}] {c.RunId}: {(c.Holds ? "holds" : "fails")}");
            var found = await source.CallAsync(() => Bisect.FirstFailingRunAsync(source.Journal, [.. runs.Select(r => r.RunId)], rule, how, progress, cancellationToken));
            if (json)
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(found, ForensicsJsonContext.Default.RunBisectResult));
            }
            else
            {
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{found.RunsChecked} of {found.RunsInWindow} run(s) created {start:u} to {until:u} checked ({how.ToString().ToLowerInvariant()})."));
                await context.Output.WriteLineAsync(found.FirstFailure is { } first ? $"first failing run: {first.RunId}" + Environment.NewLine + await DescribeAsync(source, first, cancellationToken) : $"{rule.Name} holds for every run checked.");
            }

            return found.FirstFailingRunId is null ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return bisect;
    }

    private static async Task<string> DescribeAsync(ForensicsSource source, BisectResult result, CancellationToken cancellationToken)
    {
        var cost = string.Create(CultureInfo.InvariantCulture, $"{result.Checks} check(s), {result.Evolves} fold step(s), {result.JournalReads} journal read(s) of {result.Events} event(s)");
        if (result.FirstFailingSeq is not { } seq)
        {
            return $"{result.Invariant} holds at every version of run {result.RunId} ({cost}).";
        }

        RunEvent? culprit = null;
        await foreach (var e in source.Journal.ReadAsync(result.RunId, seq, seq, cancellationToken))
        {
            culprit = e;
        }

        var explained = culprit is null ? string.Empty : $"{Environment.NewLine}  event {seq} ({culprit.Type}, {culprit.Actor}): {EventExplainer.Explain(culprit).Summary}";
        return $"{result.Invariant} first fails after Seq {seq} of run {result.RunId}: {result.Violation}{explained}{Environment.NewLine}  found with {cost}.";
    }
}
