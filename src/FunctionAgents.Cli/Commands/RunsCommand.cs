using System.CommandLine;
using FunctionAgents.Cli.Output;
using FunctionAgents.Cli.Storage;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Cli.Commands;

/// <summary><c>fa runs list</c> and <c>fa runs show &lt;runId&gt;</c>.</summary>
internal static partial class RunsCommand
{
    private const int DefaultDays = 7;

    public static Command Create(CliContext context)
    {
        var runs = new Command("runs", "List runs, show one run's state and journal, or watch one live.");
        runs.Subcommands.Add(List(context));
        runs.Subcommands.Add(Show(context));
        runs.Subcommands.Add(Watch(context));
        return runs;
    }

    private static Command List(CliContext context)
    {
        var tenant = CliOptions.Tenant("Only this tenant's runs (uses the runs-by-tenant index; without it, the runs-by-day index).");
        var status = new Option<string?>("--status") { Description = $"Only runs in this status: {string.Join(", ", RunStatusNames.Listable)}." };
        status.AcceptOnlyFromAmong([.. RunStatusNames.Listable]);
        var from = new Option<string?>("--from") { Description = $"First UTC day, yyyy-MM-dd; default {DefaultDays - 1} days before --to." };
        var to = new Option<string?>("--to") { Description = "Last UTC day, yyyy-MM-dd, inclusive; default today." };
        var limit = new Option<int>("--limit") { Description = "Most runs to list.", DefaultValueFactory = _ => 100 };
        var journalFile = CliOptions.JournalFile();
        var storage = CliOptions.Storage();
        var list = new Command("list", "List runs, newest day first.") { tenant, status, from, to, limit, journalFile, storage };
        list.SetAction(async (parse, cancellationToken) =>
        {
            var last = CliOptions.OptionalDay(parse.GetValue(to), "--to") ?? DateOnly.FromDateTime(DateTime.UtcNow);
            var first = CliOptions.OptionalDay(parse.GetValue(from), "--from") ?? last.AddDays(-(DefaultDays - 1));
            if (last < first)
            {
                throw CliException.Usage("--to is before --from");
            }

            if (parse.GetValue(limit) < 1)
            {
                throw CliException.Usage("--limit must be at least 1");
            }

            RunStatus? wanted = RunStatusNames.TryParse(parse.GetValue(status), out var s) ? s : null;
            await using var source = await RunSource.OpenAsync(context, parse.GetValue(journalFile), parse.GetValue(storage), cancellationToken);
            var rows = await CliStorage.CallAsync(source, () => parse.GetValue(tenant) is { } t
                ? ByTenantAsync(source.Index, t, wanted, first, last, parse.GetValue(limit), cancellationToken)
                : ByDayAsync(source.Index, wanted, first, last, parse.GetValue(limit), cancellationToken));
            TextTable.Write(context.Output, ["run", "tenant", "status", "created", "cost USD", "source", "goal"], rows.Select(Row));
            await context.Output.WriteLineAsync($"{rows.Count} run(s) created {first:yyyy-MM-dd}..{last:yyyy-MM-dd} in {source.Description}");
            return ExitCodes.Ok;
        });
        return list;
    }

    private static async Task<List<RunSummary>> ByTenantAsync(
        IRunIndex index, string tenant, RunStatus? status, DateOnly first, DateOnly last, int limit, CancellationToken cancellationToken)
    {
        var rows = new List<RunSummary>();
        string? token = null;
        do
        {
            var page = await index.ListAsync(
                new RunQuery(tenant, status, Start(first), Start(last.AddDays(1)), token, Math.Min(limit, 1000)), cancellationToken);
            rows.AddRange(page.Runs.Take(limit - rows.Count));
            token = page.ContinuationToken;
        }
        while (token is not null && rows.Count < limit);
        return [.. rows.OrderByDescending(r => r.CreatedAt)];
    }

    private static async Task<List<RunSummary>> ByDayAsync(
        IRunIndex index, RunStatus? status, DateOnly first, DateOnly last, int limit, CancellationToken cancellationToken)
    {
        var rows = new List<RunSummary>();
        for (var day = last; day >= first && rows.Count < limit; day = day.AddDays(-1))
        {
            var ofDay = new List<RunSummary>();
            await foreach (var run in index.ListByDayAsync(day, cancellationToken))
            {
                if (status is null || run.Status == status)
                {
                    ofDay.Add(run);
                }
            }

            rows.AddRange(ofDay.OrderByDescending(r => r.CreatedAt).Take(limit - rows.Count));
        }

        return rows;
    }

    private static IReadOnlyList<string> Row(RunSummary r) =>
        [r.RunId, r.TenantId, RunStatusNames.ToName(r.Status), Formats.Time(r.CreatedAt), Formats.Usd(r.CostUsd), r.Source, Formats.Shorten(r.Goal, 48)];

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
