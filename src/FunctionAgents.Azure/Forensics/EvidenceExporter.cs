using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Storage;
using FunctionAgents.Runtime.Forensics.Evidence;

namespace FunctionAgents.Azure.Forensics;

/// <summary>
/// Writes one run's evidence file (docs/forensics.md, "Evidence export"): the journal entities and the checkpoint
/// entities exactly as stored (every property, personal data still encrypted), and the public keys the exporter knows,
/// so an auditor can verify the run offline in any language.
/// </summary>
public sealed class EvidenceExporter
{
    private readonly TableStorageClient _client;
    private readonly string _journalTable;
    private readonly string _checkpointsTable;

    public EvidenceExporter(TableStorageClient client, string journalTable, string checkpointsTable)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(journalTable);
        ArgumentException.ThrowIfNullOrEmpty(checkpointsTable);
        _client = client;
        _journalTable = journalTable;
        _checkpointsTable = checkpointsTable;
    }

    /// <summary>Writes the run's evidence; returns how many events and checkpoints it holds.</summary>
    /// <param name="publicKeys">Public keys (key id, PEM) to include for convenience; a verifier trusts only the keys it was given itself.</param>
    public async Task<(int Events, int Checkpoints)> WriteAsync(
        string runId, Stream output, DateTimeOffset exportedAt, IEnumerable<(string KeyId, string Pem)> publicKeys, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(publicKeys);
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("format", EvidenceFormat.Version);
        writer.WriteString("runId", runId);
        writer.WriteString("exportedAt", EvidenceFormat.Time(exportedAt.UtcDateTime));
        var events = await WriteRowsAsync(writer, "events", _journalTable, runId, cancellationToken);
        var checkpoints = await WriteRowsAsync(writer, "checkpoints", _checkpointsTable, runId, cancellationToken);
        writer.WriteStartArray("publicKeys");
        foreach (var (keyId, pem) in publicKeys)
        {
            writer.WriteStartObject();
            writer.WriteString("keyId", keyId);
            writer.WriteString("pem", pem);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
        return (events, checkpoints);
    }

    private async Task<int> WriteRowsAsync(Utf8JsonWriter writer, string name, string table, string runId, CancellationToken cancellationToken)
    {
        writer.WriteStartArray(name);
        var count = 0;
        await using var rows = _client.QueryPartitionAsync(table, runId, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (await NextAsync(rows))
        {
            WriteEntity(writer, rows.Current);
            count++;
        }

        writer.WriteEndArray();
        return count;
    }

    /// <summary>Every stored property under its own name; times as UTC text in the hash's format, numbers as numbers.</summary>
    private static void WriteEntity(Utf8JsonWriter writer, TableEntity entity)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in entity.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (key is "odata.etag")
            {
                continue;
            }

            switch (value)
            {
                case null:
                    writer.WriteNull(key);
                    break;
                case string text:
                    writer.WriteString(key, text);
                    break;
                case DateTime time:
                    writer.WriteString(key, EvidenceFormat.Time(DateTime.SpecifyKind(time, DateTimeKind.Utc)));
                    break;
                case DateTimeOffset time:
                    writer.WriteString(key, EvidenceFormat.Time(time.UtcDateTime));
                    break;
                case long number:
                    writer.WriteNumber(key, number);
                    break;
                case int number:
                    writer.WriteNumber(key, number);
                    break;
                case double number:
                    writer.WriteNumber(key, number);
                    break;
                case bool flag:
                    writer.WriteBoolean(key, flag);
                    break;
                case byte[] bytes:
                    writer.WriteBase64String(key, bytes);
                    break;
                case BinaryData data:
                    writer.WriteBase64String(key, data.ToArray());
                    break;
                default:
                    writer.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }

        writer.WriteEndObject();
    }

    private static async Task<bool> NextAsync(IAsyncEnumerator<TableEntity> rows)
    {
        try
        {
            return await rows.MoveNextAsync();
        }
        catch (StorageException ex) when (ex.Status == 404 && ex.ErrorCode == "TableNotFound")
        {
            return false;
        }
    }
}
