using System.CommandLine;
using System.Globalization;
using FunctionAgents.Azure.Forensics;
using FunctionAgents.Cli.Output;
using FunctionAgents.Runtime.Forensics.Retention;

namespace FunctionAgents.Cli.Commands.Forensics;

/// <summary>
/// <c>fa purge --before DATE</c>: removes whole runs older than the cutoff after confirmation (<c>--yes</c>, or typing
/// yes on a terminal) and records each in the retention log. Refused, with the reason, for a cutoff younger than the
/// retention floor (183 days, or FA_RETENTION_DAYS).
/// </summary>
internal static class PurgeCommand
{
    private const int ListedRuns = 50;

    public static Command Create(CliContext context)
    {
        var before = new Option<string>("--before") { Description = "Purge runs created and last active before this UTC day (yyyy-MM-dd) or ISO 8601 time.", Required = true };
        var tenant = CliOptions.Tenant("Only this tenant's runs.");
        var yes = new Option<bool>("--yes") { Description = "Confirm without asking." };
        var by = new Option<string?>("--by") { Description = "Who purges, for the retention log; default the user name." };
        var reason = new Option<string?>("--reason") { Description = "Why, for the retention log; default \"fa purge --before <cutoff>\"." };
        var storage = CliOptions.Storage();
        var purge = new Command("purge", "Remove whole runs older than a cutoff (journal, audit rows, checkpoints, index rows) and log each in the retention log.")
        {
            before, tenant, yes, by, reason, storage,
        };
        purge.SetAction(async (parse, cancellationToken) =>
        {
            var cutoff = ForensicsOptions.Time(parse.GetRequiredValue(before), "--before", endOfDay: false);
            await using var source = await ForensicsSource.OpenAsync(context, null, parse.GetValue(storage), cancellationToken);
            var purger = source.Purger ?? throw CliException.Usage("purging needs storage");
            var plan = await source.CallAsync(() => purger.PlanAsync(cutoff, parse.GetValue(tenant), cancellationToken));
            if (!plan.Decision.Allowed)
            {
                throw new CliException(ExitCodes.Failed, $"purge refused: {plan.Decision.Refusal}");
            }

            await WritePlanAsync(context.Output, plan);
            if (plan.Runs.Count == 0)
            {
                return ExitCodes.Ok;
            }

            if (!parse.GetValue(yes) && !await ConfirmAsync(context, plan.Runs.Count))
            {
                await context.Output.WriteLineAsync("Nothing was purged.");
                return context.Interactive ? ExitCodes.Failed : ExitCodes.Usage;
            }

            var who = parse.GetValue(by) ?? context.GetSetting("USER") ?? context.GetSetting("USERNAME") ?? "fa";
            var why = parse.GetValue(reason) ?? $"fa purge --before {cutoff:u}";
            var progress = new LineProgress<RetentionLogEntry>(
                context.Output, e => string.Create(CultureInfo.InvariantCulture, $"purged {e.RunId} ({e.TenantId}): {e.EventsRemoved} event(s), {e.RowsRemoved} projection row(s)"));
            var result = await source.CallAsync(() => purger.PurgeAsync(plan, who, why, progress, cancellationToken));
            if (result.Refused)
            {
                throw new CliException(ExitCodes.Failed, $"purge refused: {result.Decision.Refusal}");
            }

            foreach (var skip in result.Skipped.Skip(plan.Skipped.Count))
            {
                await context.Output.WriteLineAsync($"left {skip.RunId} ({skip.TenantId}) in place: {skip.Reason}");
            }

            await context.Output.WriteLineAsync($"{result.Purged.Count} run(s) purged and logged in the retention log by {who}.");
            return ExitCodes.Ok;
        });
        return purge;
    }

    private static async Task WritePlanAsync(TextWriter output, PurgePlan plan)
    {
        await output.WriteLineAsync($"{plan.Runs.Count} run(s) created and last active before {plan.Cutoff:u} would be removed whole (journal, audit rows, checkpoints, index rows):");
        TextTable.Write(
            output,
            ["run", "tenant", "status", "created", "last active"],
            plan.Runs.Take(ListedRuns).Select(r => (IReadOnlyList<string>)[r.RunId, r.TenantId, r.Status.ToString().ToLowerInvariant(), Formats.Time(r.CreatedAt), Formats.Time(r.UpdatedAt)]));
        if (plan.Runs.Count > ListedRuns)
        {
            await output.WriteLineAsync($"… and {plan.Runs.Count - ListedRuns} more.");
        }

        foreach (var skip in plan.Skipped)
        {
            await output.WriteLineAsync($"left {skip.RunId} ({skip.TenantId}) in place: {skip.Reason}");
        }
    }

    /// <summary>On a terminal, asks; elsewhere there is nobody to ask, so only --yes confirms.</summary>
    private static async Task<bool> ConfirmAsync(CliContext context, int runs)
    {
        if (!context.Interactive)
        {
            await context.Error.WriteLineAsync("fa: not confirmed: run again with --yes to purge these runs");
            return false;
        }

        await context.Output.WriteAsync($"Purge these {runs} run(s)? This cannot be undone. Type yes to confirm: ");
        return string.Equals((await Console.In.ReadLineAsync())?.Trim(), "yes", StringComparison.Ordinal);
    }
}
