using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionAgents.Azure.Forensics;
using FunctionAgents.Runtime.Forensics.Evidence;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Forensics;

/// <summary>The evidence file round trip: exported from Azurite, verified offline from the documented contract.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EvidenceExportTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Export_ThenVerifyOffline_WholeRunIsChainedCheckpointedAndSigned()
    {
        // Arrange
        var store = await ForensicsStore.CreateAsync(azurite);
        var run = await store.RefundRunAsync("tenant-a", "s-1", Start);
        using var trust = store.Trust();

        // Act
        var file = await ExportAsync(store, run.RunId);
        var result = EvidenceVerifier.Verify(file.Deserialize<JsonElement>(), trust);
        var unsignedCheck = EvidenceVerifier.Verify(file.Deserialize<JsonElement>(), null);

        // Assert
        Assert.True(result.IsValid, result.Problem);
        Assert.Equal(16, result.EventsChecked);
        Assert.Equal(8, result.CheckpointsChecked);
        Assert.Equal(16, result.SignedThroughSeq);
        Assert.True(unsignedCheck.IsValid, unsignedCheck.Problem);
        Assert.Null(unsignedCheck.SignedThroughSeq);
        Assert.Equal(16, file["events"]!.AsArray().Count);
        Assert.Equal(run.Events[6].Hash, file["events"]![6]!["Hash"]!.GetValue<string>());
        Assert.Equal(store.Signer.KeyId, file["checkpoints"]![0]!["KeyId"]!.GetValue<string>());
        Assert.Equal(store.Signer.KeyId, file["publicKeys"]![0]!["keyId"]!.GetValue<string>());
    }

    [Fact]
    public async Task VerifyOffline_PayloadEditedInTheFile_FailsAtThatSeq()
    {
        // Arrange
        var store = await ForensicsStore.CreateAsync(azurite);
        var run = await store.RefundRunAsync("tenant-a", "s-1", Start);
        var file = await ExportAsync(store, run.RunId);
        var seven = file["events"]![6]!;
        seven["Payload"] = seven["Payload"]!.GetValue<string>().Replace("true", "false", StringComparison.Ordinal);
        using var trust = store.Trust();

        // Act
        var result = EvidenceVerifier.Verify(file.Deserialize<JsonElement>(), trust);

        // Assert
        Assert.Equal(7, result.FirstBadSeq);
        Assert.Contains("altered", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyOffline_ChainAndCheckpointHashesRecomputedInTheFile_FailsOnTheSignature()
    {
        // Arrange: a forger edits Seq 9's payload, recomputes every later hash and the checkpoints' hashes.
        var store = await ForensicsStore.CreateAsync(azurite);
        var run = await store.RefundRunAsync("tenant-a", "s-1", Start);
        var file = await ExportAsync(store, run.RunId);
        var events = file["events"]!.AsArray();
        events[8]!["Payload"] = events[8]!["Payload"]!.GetValue<string>() + " ";
        for (var i = 8; i < events.Count; i++)
        {
            var e = events[i]!;
            e["PrevHash"] = events[i - 1]!["Hash"]!.GetValue<string>();
            var edited = run.Events[i] with { Payload = e["Payload"]!.GetValue<string>(), PrevHash = e["PrevHash"]!.GetValue<string>() };
            e["Hash"] = Domain.Events.EventHasher.Compute(edited);
        }

        foreach (var checkpoint in file["checkpoints"]!.AsArray())
        {
            var seq = int.Parse(checkpoint!["RowKey"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            checkpoint["Hash"] = events[seq - 1]!["Hash"]!.GetValue<string>();
        }

        using var trust = store.Trust();

        // Act
        var chainOnly = EvidenceVerifier.Verify(file.Deserialize<JsonElement>(), null);
        var signed = EvidenceVerifier.Verify(file.Deserialize<JsonElement>(), trust);

        // Assert
        Assert.True(chainOnly.IsValid, chainOnly.Problem);
        Assert.Equal(9, signed.FirstBadSeq);
        Assert.Equal(8, signed.SignedThroughSeq);
    }

    private static async Task<JsonNode> ExportAsync(ForensicsStore store, string runId)
    {
        var exporter = new EvidenceExporter(store.Client, store.Journal.TableName, store.Tables.Checkpoints);
        using var stream = new MemoryStream();
        var (events, _) = await exporter.WriteAsync(runId, stream, DateTimeOffset.UtcNow, [(store.Signer.KeyId, store.Signer.PublicKeyPem)]);
        Assert.Equal(16, events);
        return JsonNode.Parse(stream.ToArray())!;
    }
}
