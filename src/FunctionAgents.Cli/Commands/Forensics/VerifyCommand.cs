using System.CommandLine;
using System.Globalization;
using FunctionAgents.Cli.Telemetry;
using FunctionAgents.Runtime.Forensics.Verification;
using FunctionAgents.Runtime.Forensics;
using FunctionAgents.Runtime.Forensics.Evidence;
using FunctionAgents.Runtime.Forensics.Signing;

namespace FunctionAgents.Cli.Commands.Forensics;

/// <summary>
/// <c>fa verify [--run ID | --from --to] [--trust-key FILE ...]</c>: recompute hash chains, compare them with the checkpoints
/// and, with trusted keys, check the checkpoints' signatures; report each broken run and its first bad Seq; exit 1 if any.
/// </summary>
internal static class VerifyCommand
{
    private const int DefaultDays = 7;

    public static Command Create(CliContext context)
    {
        var run = new Option<string?>("--run") { Description = "Verify this run only." };
        var from = ForensicsOptions.From($"Verify the runs created from this time; default {DefaultDays} days before --to.");
        var to = ForensicsOptions.To("Verify the runs created before this time; default now.");
        var tenant = CliOptions.Tenant("Only this tenant's runs.");
        var journalFile = CliOptions.JournalFile();
        var storage = CliOptions.Storage();
        var trustKeys = new Option<string[]>("--trust-key")
        {
            Description = $"A public key (PEM, from 'fa keys export-public') checkpoints must be signed with; repeat for keys rotated out. Default: the files in {CheckpointSigningSettings.TrustKeys} (separated by ';').",
        };
        var evidence = new Option<string?>("--file") { Description = "Verify an evidence file from 'fa export' offline instead of storage." };
        var verify = new Command("verify", "Recompute every hash chain from storage (and compare it with the checkpoints recorded at append time); report each broken run and its first bad Seq; exit 1 if any.")
        {
            run, from, to, tenant, journalFile, storage, trustKeys, evidence,
        };
        verify.SetAction(async (parse, cancellationToken) =>
        {
            // A CI pipeline's TRACEPARENT makes this verification a span of the pipeline's trace.
            using var trace = CliTrace.Start(context, "fa.cli.verify");
            if (parse.GetValue(run) is not null && (parse.GetValue(from) is not null || parse.GetValue(to) is not null))
            {
                throw CliException.Usage("give --run or a window (--from/--to), not both");
            }

            using var trust = TrustSet(context, parse.GetValue(trustKeys));
            if (parse.GetValue(evidence) is { } evidenceFile)
            {
                var verified = await VerifyFileAsync(context, evidenceFile, trust, cancellationToken);
                await context.Output.WriteLineAsync(Describe(verified));
                await context.Output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture, $"1 run, {verified.EventsChecked} event(s) verified from {evidenceFile}{Scope(true, trust)}: {(verified.IsValid ? 0 : 1)} broken"));
                return trace.Finish(verified.IsValid ? ExitCodes.Ok : ExitCodes.Failed);
            }

            await using var source = await ForensicsSource.OpenAsync(context, parse.GetValue(journalFile), parse.GetValue(storage), cancellationToken);
            var audit = new ChainAudit(source.Journal, source.Checkpoints, trust);
            ChainAuditReport report;
            if (parse.GetValue(run) is { } runId)
            {
                var indexed = parse.GetValue(tenant) is { } t
                    ? await source.CallAsync(() => source.Index.GetAsync(t, runId, cancellationToken))
                        ?? throw new CliException(ExitCodes.Failed, $"run {runId} was not found for tenant {t} in {source.Description}") // as show, explain and why
                    : null;
                var result = await source.CallAsync(() => audit.VerifyRunAsync(runId, indexed?.LastSeq, cancellationToken));
                if (result.EventsChecked == 0 && result.IsValid)
                {
                    throw new CliException(ExitCodes.Failed, $"run {runId} has no events in {source.Description}");
                }

                report = new ChainAuditReport(1, result.EventsChecked, result.IsValid ? [] : [result]);
                await context.Output.WriteLineAsync(Describe(result));
            }
            else
            {
                var (start, until) = ForensicsOptions.Window(parse.GetValue(from), parse.GetValue(to), DefaultDays);
                var runs = await source.CallAsync(() => RunWindow.ListAsync(source.Index, start, until, parse.GetValue(tenant), cancellationToken));
                await context.Error.WriteLineAsync($"verifying {runs.Count} run(s) created {start:u} to {until:u} in {source.Description}");
                var progress = new LineProgress<RunVerification>(
                    context.Output, r => r.IsValid && r.UnanchoredEvents == 0 && r.CheckpointsChecked > 0 && (r.SignedThroughSeq is null || r.SignedThroughSeq == r.EventsChecked) ? null : Describe(r));
                report = await source.CallAsync(() => audit.VerifyRunsAsync(runs, progress, cancellationToken));
            }

            await context.Output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{report.RunsChecked} run(s), {report.EventsChecked} event(s) verified{Scope(source.Checkpoints is not null, trust)}: {report.Broken.Count} broken"));
            return trace.Finish(report.AllValid ? ExitCodes.Ok : ExitCodes.Failed);
        });
        return verify;
    }

    private static async Task<RunVerification> VerifyFileAsync(CliContext context, string path, CheckpointTrustSet? trust, CancellationToken cancellationToken)
    {
        var full = context.ExistingFile(path, "evidence file");
        try
        {
            await using var stream = File.OpenRead(full);
            using var document = await System.Text.Json.JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            return EvidenceVerifier.Verify(document.RootElement, trust);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or OverflowException)
        {
            throw CliException.Usage($"evidence file {path} is malformed: {ex.Message}", ex);
        }
    }

    /// <summary>The trusted keys from --trust-key, else FA_TRUST_KEYS; null when none (chain and checkpoint hashes only).</summary>
    private static CheckpointTrustSet? TrustSet(CliContext context, string[]? given)
    {
        var files = given is { Length: > 0 } ? given : CheckpointSigningSettings.TrustKeyFiles(context.GetSetting);
        if (files.Count == 0)
        {
            return null;
        }

        try
        {
            return CheckpointTrustSet.FromFiles(files.Select(context.FullPath));
        }
        catch (FormatException ex)
        {
            throw CliException.Usage(ex.Message, ex);
        }
    }

    private static string Scope(bool checkpoints, CheckpointTrustSet? trust) =>
        !checkpoints ? " (chains only: no checkpoints in a journal file)"
        : trust is null ? " (chains and checkpoint hashes; no --trust-key, so signatures were not checked)"
        : string.Create(CultureInfo.InvariantCulture, $" (chains, checkpoints and signatures of {trust.KeyIds.Count} trusted key(s))");

    private static string Coverage(RunVerification r) =>
        r.SignedThroughSeq is not { } signed ? string.Empty
        : signed >= r.EventsChecked ? "; signed to the end"
        : signed == 0 ? string.Create(CultureInfo.InvariantCulture, $"; NOT covered by a valid signature: Seq 1..{r.EventsChecked}")
        : string.Create(CultureInfo.InvariantCulture, $"; signatures cover Seq 1..{signed}, Seq {signed + 1}..{r.EventsChecked} NOT covered");

    private static string Anchors(RunVerification r) =>
        r.CheckpointsChecked == 0 ? "no checkpoints recorded (chain only)"
        : r.UnanchoredEvents > 0 ? $"{r.CheckpointsChecked} checkpoint(s), the last {r.UnanchoredEvents} event(s) not yet checkpointed"
        : $"{r.CheckpointsChecked} checkpoint(s)";

    private static string Describe(RunVerification r) => r.IsValid
        ? string.Create(CultureInfo.InvariantCulture, $"ok      {r.RunId}: {r.EventsChecked} event(s), {Anchors(r)}{Coverage(r)}")
        : string.Create(CultureInfo.InvariantCulture, $"BROKEN  {r.RunId}: first bad Seq {r.FirstBadSeq}: {r.Problem}");
}
