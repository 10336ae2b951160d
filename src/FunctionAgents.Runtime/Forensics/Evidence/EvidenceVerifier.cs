using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FunctionAgents.Runtime.Forensics.Signing;
using FunctionAgents.Runtime.Forensics.Verification;

namespace FunctionAgents.Runtime.Forensics.Evidence;

/// <summary>
/// Verifies an evidence file offline from the documented contract alone (README "Journal format", docs/forensics.md
/// "Signed checkpoints" and "Evidence export"): it recomputes each hash from the stored properties itself rather than
/// through the runtime's hasher, so it doubles as a reference implementation an auditor can port.
/// </summary>
public static class EvidenceVerifier
{
    private static readonly string Genesis = new('0', 64);
    private static readonly string[] Ends = ["RunCompleted", "RunFailed", "RunCancelled"];

    /// <summary>Verifies the chain, the checkpoints' hashes and, with <paramref name="trust"/>, their signatures.</summary>
    /// <exception cref="FormatException">The file is not an evidence file of this version; the message names what is wrong.</exception>
    public static RunVerification Verify(JsonElement file, CheckpointTrustSet? trust)
    {
        if (file.ValueKind != JsonValueKind.Object || !file.TryGetProperty("format", out var format) || format.GetString() != EvidenceFormat.Version)
        {
            throw new FormatException($"not an evidence file: its \"format\" is not \"{EvidenceFormat.Version}\"");
        }

        var runId = Text(file, "runId");
        var events = Rows(file, "events").OrderBy(e => Text(e, "RowKey"), StringComparer.Ordinal).ToList();
        var checkpoints = Rows(file, "checkpoints").Select(c => Checkpoint(runId, c)).OrderBy(c => c.Seq).ToList();
        long? signed = trust is null ? null : 0;
        RunVerification Result(long? seq, string? problem, long unanchored = 0) =>
            new(runId, events.Count, seq, problem, checkpoints.Count, unanchored) { SignedThroughSeq = signed };

        var hashes = new List<string>();
        var previous = Genesis;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var seq = i + 1L;
            if (Text(e, "PartitionKey") != runId || Text(e, "RowKey") != seq.ToString("D10", CultureInfo.InvariantCulture))
            {
                return Result(seq, $"the event at position {seq} is {Text(e, "PartitionKey")}/{Text(e, "RowKey")}: events are missing, inserted or from another run");
            }

            if (Text(e, "PrevHash") != previous)
            {
                return Result(seq, $"Seq {seq}'s PrevHash is not the Hash of Seq {seq - 1}");
            }

            var hash = Hash(runId, seq, e);
            if (Text(e, "Hash") != hash)
            {
                return Result(seq, $"Seq {seq}'s Hash is not the SHA-256 of its content: the event was altered");
            }

            hashes.Add(hash);
            previous = hash;
        }

        var end = events.FindIndex(e => Ends.Contains(Text(e, "EventType")));
        if (end >= 0 && end < events.Count - 1)
        {
            return Result(end + 2, $"event {end + 2} follows the run's end at Seq {end + 1}");
        }

        long covered = 0;
        foreach (var checkpoint in checkpoints)
        {
            if (checkpoint.Seq > events.Count)
            {
                return Result(events.Count + 1, $"an append was checkpointed at Seq {checkpoint.Seq} but the file ends at Seq {events.Count}: events were removed from the end");
            }

            if (hashes[(int)checkpoint.Seq - 1] != checkpoint.Hash)
            {
                return Result(covered + 1, $"the hash of Seq {checkpoint.Seq} is not the one checkpointed: events in Seq {covered + 1}..{checkpoint.Seq} were rewritten");
            }

            if (trust?.Check(checkpoint) is { } reason)
            {
                return Result(covered + 1, $"{reason}: Seq {covered + 1}..{events.Count} are not covered by a valid signature");
            }

            covered = checkpoint.Seq;
            signed = trust is null ? null : covered;
        }

        if (trust is not null && end >= 0 && covered < events.Count)
        {
            return Result(covered + 1, $"the run has ended but Seq {covered + 1}..{events.Count} are not covered by a signed checkpoint");
        }

        var last = checkpoints.Count > 0 ? checkpoints[^1].Seq : 0;
        return Result(null, null, checkpoints.Count > 0 ? events.Count - last : 0);
    }

    /// <summary>The documented hash: SHA-256 over PrevHash, RunId, Seq, EventType, EventTime, Actor, TenantId, CorrelationId, CausationSeq, Payload joined by "\n".</summary>
    private static string Hash(string runId, long seq, JsonElement e)
    {
        var payload = new StringBuilder(Text(e, "Payload"));
        for (var chunk = 1; e.TryGetProperty($"Payload_{chunk}", out var part); chunk++)
        {
            payload.Append(part.GetString());
        }

        var causation = e.TryGetProperty("CausationSeq", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt64().ToString(CultureInfo.InvariantCulture) : string.Empty;
        var text = string.Join(
            '\n',
            Text(e, "PrevHash"),
            runId,
            seq.ToString(CultureInfo.InvariantCulture),
            Text(e, "EventType"),
            Text(e, "EventTime"),
            Text(e, "Actor"),
            Text(e, "TenantId"),
            Text(e, "CorrelationId"),
            causation,
            payload.ToString());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static ChainCheckpoint Checkpoint(string runId, JsonElement row)
    {
        var seq = long.Parse(Text(row, "RowKey"), NumberStyles.None, CultureInfo.InvariantCulture);
        var time = DateTimeOffset.ParseExact(Text(row, "OccurredAt"), "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        return new ChainCheckpoint(
            runId, Text(row, "TenantId"), seq, Text(row, "Hash"), time,
            row.TryGetProperty("KeyId", out var k) ? k.GetString() : null,
            row.TryGetProperty("Signature", out var s) ? s.GetString() : null);
    }

    private static JsonElement.ArrayEnumerator Rows(JsonElement file, string name) =>
        file.TryGetProperty(name, out var rows) && rows.ValueKind == JsonValueKind.Array
            ? rows.EnumerateArray()
            : throw new FormatException($"the evidence file has no \"{name}\" array");

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
}
