using System.CommandLine;
using FunctionAgents.Runtime.Forensics.Audit;
using FunctionAgents.Runtime.Forensics;

namespace FunctionAgents.Cli.Commands.Forensics;

/// <summary><c>fa audit --correlation X | --tenant T --from --to [--format markdown|json]</c>: every action, in order, with its justification.</summary>
internal static class AuditCommand
{
    private const int DefaultDays = 7;

    // A run's actions can follow its creation by a day or more (approvals wait); tenants are looked up from runs created this much earlier too.
    private static readonly TimeSpan TenantLookBack = TimeSpan.FromDays(7);

    public static Command Create(CliContext context)
    {
        var correlation = new Option<string?>("--correlation") { Description = "Only this correlation id (a session, a user's request chain)." };
        var tenant = CliOptions.Tenant("The tenant whose actions to list; without it, every tenant that has runs with --correlation, each reported separately.");
        var from = ForensicsOptions.From($"Start of the range; default {DefaultDays} days before --to.");
        var to = ForensicsOptions.To("End of the range; default now.");
        var format = CliOptions.Format("markdown (a report) or json (an array of entries).", "markdown", "json");
        var journalFile = CliOptions.JournalFile();
        var storage = CliOptions.Storage();
        var audit = new Command("audit", "List every action for a correlation id or a tenant in a time range, in order, with who decided it and why (policy rule and version, approver and comment, model and prompt version).")
        {
            correlation, tenant, from, to, format, journalFile, storage,
        };
        audit.SetAction(async (parse, cancellationToken) =>
        {
            var correlationId = parse.GetValue(correlation);
            if (correlationId is null && parse.GetValue(tenant) is null)
            {
                throw CliException.Usage("give --correlation, --tenant or both");
            }

            var (start, until) = ForensicsOptions.Window(parse.GetValue(from), parse.GetValue(to), DefaultDays);
            await using var source = await ForensicsSource.OpenAsync(context, parse.GetValue(journalFile), parse.GetValue(storage), cancellationToken);
            var tenants = parse.GetValue(tenant) is { } only
                ? [only]
                : await source.CallAsync(() => TenantsOfAsync(source, correlationId!, start - TenantLookBack, until, cancellationToken));
            var json = parse.GetValue(format) == "json";
            var entries = Concat(tenants.Select(t => source.Audit.QueryAsync(t, correlationId, start, until, cancellationToken)));
            if (json)
            {
                await source.CallAsync(() => AuditFormatter.WriteJsonAsync(context.Output, entries, cancellationToken));
                return ExitCodes.Ok;
            }

            foreach (var t in tenants)
            {
                var title = $"Audit of {(correlationId is null ? "every correlation id" : $"correlation {correlationId}")} for tenant {t}, {start:u} to {until:u}";
                await source.CallAsync(() => AuditFormatter.WriteMarkdownAsync(context.Output, title, source.Audit.QueryAsync(t, correlationId, start, until, cancellationToken), cancellationToken));
                await context.Output.WriteLineAsync();
            }

            // The erasure log is part of the audit: who erased whose data, when, and which runs now read [erased].
            if (parse.GetValue(journalFile) is null && tenants.Count > 0)
            {
                await Privacy.ErasureListing.WriteAsync(context, parse.GetValue(storage), tenants, start, until, cancellationToken);
            }

            if (tenants.Count == 0)
            {
                await context.Output.WriteLineAsync($"No run with correlation id {correlationId} was created between {start - TenantLookBack:u} and {until:u} in {source.Description}.");
            }

            return ExitCodes.Ok;
        });
        return audit;
    }

    private static async Task<List<string>> TenantsOfAsync(ForensicsSource source, string correlationId, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var runs = await RunWindow.ListAsync(source.Index, from, until, cancellationToken: cancellationToken);
        return [.. runs.Where(r => r.CorrelationId == correlationId).Select(r => r.TenantId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static async IAsyncEnumerable<AuditEntry> Concat(IEnumerable<IAsyncEnumerable<AuditEntry>> parts)
    {
        foreach (var part in parts)
        {
            await foreach (var entry in part)
            {
                yield return entry;
            }
        }
    }
}
