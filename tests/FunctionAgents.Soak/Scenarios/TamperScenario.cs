using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace FunctionAgents.Soak.Scenarios;

/// <summary>
/// Issue 17 scenario 7: an attacker with the storage key edits, deletes, reorders and truncates stored events
/// directly in the table. Verification must detect every change and name the first bad Seq.
/// </summary>
internal sealed class TamperScenario : IScenario
{
    private const int RunLength = 10;
    private static readonly string[] Kinds = ["edit", "delete", "reorder", "truncate"];

    public string Name => "tamper";

    public async Task<ScenarioResult> RunAsync(SoakEnvironment environment, bool quick, CancellationToken cancellationToken)
    {
        var perKind = quick ? 10 : environment.Scaled(50);
        var journal = environment.CreateJournal();
        var table = environment.RawJournal();
        var random = new Random(17);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var failures = 0L;
        string? firstFailure = null;
        foreach (var kind in Kinds)
        {
            for (var i = 0; i < perKind; i++)
            {
                var run = SyntheticRun.Identity($"tamper-{kind}");
                await journal.AppendAsync(run.RunId, 1, SyntheticRun.Events(run, 1, Domain.Events.EventHasher.GenesisHash, RunLength, kind), cancellationToken);

                // Deleting or moving the last event leaves a valid shorter chain; that is tail truncation, which
                // needs a checkpoint to detect (named in the README), so the target stays inside the chain.
                var seq = random.NextInt64(1, RunLength);
                await TamperAsync(table, run.RunId, kind, seq, cancellationToken);

                string outcome;
                try
                {
                    var verification = await journal.VerifyChainAsync(run.RunId, cancellationToken);
                    outcome = verification.FirstBadSeq == seq ? string.Empty : $"first bad Seq {verification.FirstBadSeq?.ToString(CultureInfo.InvariantCulture) ?? "none"}";
                }
                catch (InvalidDataException ex)
                {
                    outcome = $"verification threw instead of naming the Seq: {ex.Message}";
                }

                if (outcome.Length > 0)
                {
                    failures++;
                    firstFailure ??= $"{kind} at Seq {seq}: {outcome}";
                }
            }
        }

        var attempts = perKind * Kinds.Length;
        return new ScenarioResult(Name, attempts, failures, started.Elapsed,
            firstFailure ?? $"{perKind} each of {string.Join('/', Kinds)}: every change found at its Seq");
    }

    private static async Task TamperAsync(TableClient table, string runId, string kind, long seq, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityAsync<TableEntity>(runId, RowKey(seq), cancellationToken: cancellationToken);
        var entity = row.Value;
        switch (kind)
        {
            case "edit":
                entity["Actor"] = "mallory";
                await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Replace, cancellationToken);
                break;
            case "delete":
                await table.DeleteEntityAsync(runId, RowKey(seq), ETag.All, cancellationToken);
                break;
            case "truncate":
                var payload = entity.GetString("Payload") ?? string.Empty;
                entity["Payload"] = payload[..(payload.Length / 2)];
                await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Replace, cancellationToken);
                break;
            default:
                var next = (await table.GetEntityAsync<TableEntity>(runId, RowKey(seq + 1), cancellationToken: cancellationToken)).Value;
                await table.UpsertEntityAsync(WithKeys(next, runId, RowKey(seq)), TableUpdateMode.Replace, cancellationToken);
                await table.UpsertEntityAsync(WithKeys(entity, runId, RowKey(seq + 1)), TableUpdateMode.Replace, cancellationToken);
                break;
        }
    }

    private static TableEntity WithKeys(TableEntity source, string partitionKey, string rowKey)
    {
        var copy = new TableEntity(partitionKey, rowKey);
        foreach (var (name, value) in source)
        {
            if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            {
                copy[name] = value;
            }
        }

        return copy;
    }

    // The journal's row key: Seq as ten zero-padded digits, so rows sort by Seq.
    private static string RowKey(long seq) => seq.ToString("D10", CultureInfo.InvariantCulture);
}
