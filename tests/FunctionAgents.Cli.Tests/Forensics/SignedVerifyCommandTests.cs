using Azure.Data.Tables;
using FunctionAgents.Azure.Content;
using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Forensics;
using FunctionAgents.Azure.Journal;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Cli.Tests.Support;
using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Forensics.Signing;
using FunctionAgents.Testing;

namespace FunctionAgents.Cli.Tests.Forensics;

/// <summary><c>fa keys export-public</c>, <c>fa verify --trust-key</c>, <c>fa export</c> and <c>fa verify --file</c> against Azurite.</summary>
public sealed class SignedVerifyCommandTests : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly AzuriteFixture _azurite;
    private readonly TempFolder _temp = new();
    private readonly Dictionary<string, string> _settings;

    public SignedVerifyCommandTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        _settings = new Dictionary<string, string>
        {
            [StorageSettings.PrefixSetting] = "v" + Guid.NewGuid().ToString("N")[..10],
            [CheckpointSigningSettings.KeyFile] = _temp.Write("signing.pem", CheckpointSigningKey.NewPem()),
        };
    }

    [Fact]
    public async Task ExportPublic_ThenVerifyWithIt_SignedRunPasses_AndTheInsidersRewriteIsCaughtOnlyWithTheKey()
    {
        // Arrange
        var runId = await WriteRunAsync();
        var publicKey = _temp.File("public.pem");

        // Act
        var exported = await Fa.RunAsync(["keys", "export-public", "--out", publicKey], _settings);
        var intact = await Fa.RunAsync(["verify", "--run", runId, "--storage", _azurite.ConnectionString, "--trust-key", publicKey], _settings);
        await RewriteFirstEventConsistentlyAsync(runId);
        var chainOnly = await Fa.RunAsync(["verify", "--run", runId, "--storage", _azurite.ConnectionString], _settings);
        var signed = await Fa.RunAsync(["verify", "--run", runId, "--storage", _azurite.ConnectionString, "--trust-key", publicKey], _settings);

        // Assert
        Assert.True(exported.ExitCode == 0, exported.Error);
        Assert.Contains("BEGIN PUBLIC KEY", await File.ReadAllTextAsync(publicKey), StringComparison.Ordinal);
        Assert.True(intact.ExitCode == 0, intact.Error + intact.Output);
        Assert.Contains("signed to the end", intact.Output, StringComparison.Ordinal);
        Assert.True(chainOnly.ExitCode == 0, chainOnly.Output);
        Assert.Contains("signatures were not checked", chainOnly.Output, StringComparison.Ordinal);
        Assert.Equal(1, signed.ExitCode);
        Assert.Contains($"BROKEN  {runId}: first bad Seq 1", signed.Output, StringComparison.Ordinal);
        Assert.Contains("does not match", signed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ThenVerifyTheFileOffline_PassesWithTheTrustKey()
    {
        // Arrange
        var runId = await WriteRunAsync();
        var publicKey = _temp.File("public.pem");
        var evidence = _temp.File("evidence.json");
        await Fa.RunAsync(["keys", "export-public", "--out", publicKey], _settings);

        // Act
        var export = await Fa.RunAsync(["export", "--run", runId, "--out", evidence, "--storage", _azurite.ConnectionString], _settings);
        var verify = await Fa.RunAsync(["verify", "--file", evidence, "--trust-key", publicKey], _settings);
        var otherKey = _temp.Write("other.pem", CheckpointSigningKey.FromText("x", CheckpointSigningKey.NewPem()).PublicKeyPem);
        var wrongKey = await Fa.RunAsync(["verify", "--file", evidence, "--trust-key", otherKey], _settings);

        // Assert
        Assert.True(export.ExitCode == 0, export.Error);
        Assert.Contains("3 event(s), 2 checkpoint(s)", export.Output, StringComparison.Ordinal);
        Assert.True(verify.ExitCode == 0, verify.Error + verify.Output);
        Assert.Contains("signed to the end", verify.Output, StringComparison.Ordinal);
        Assert.Equal(1, wrongKey.ExitCode);
        Assert.Contains("not a trusted key", wrongKey.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_MalformedTrustKeyFile_ExitsTwoNamingIt()
    {
        // Arrange
        var bad = _temp.Write("bad.pem", "not a key");

        // Act
        var result = await Fa.RunAsync(["verify", "--run", "run-1", "--storage", _azurite.ConnectionString, "--trust-key", bad], _settings);

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(bad, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportPublic_NoKeyConfigured_ExitsOne()
    {
        // Act
        var result = await Fa.RunAsync(["keys", "export-public", "--out", _temp.File("p.pem")], new Dictionary<string, string> { [ContentSettings.DataPathSetting] = _temp.Path });

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(CheckpointSigningSettings.Key, result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>A finished three-event run in two appends, each checkpointed and signed with the configured key, as a host writes it.</summary>
    private async Task<string> WriteRunAsync()
    {
        var names = FunctionAgentsSettings.FromSettings(_settings.GetValueOrDefault).Storage.Names;
        var client = _azurite.CreateTableClient();
        var journal = new TableEventJournal(client, names.Journal);
        using var signer = CheckpointSigningSettings.Load(_settings.GetValueOrDefault, null)!;
        var checkpoints = new TableChainCheckpoints(client, ForensicsTables.From(names).Checkpoints, signer);
        await journal.CreateTableIfNotExistsAsync();
        await checkpoints.CreateTableIfNotExistsAsync();
        var identity = new RunIdentity("run-" + Guid.NewGuid().ToString("N"), "alpha", "c-1", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        var first = EventSealer.Seal(identity, 1, EventHasher.GenesisHash, Start, [new EventDraft(Actors.Orchestrator, new RunStarted("Refund order 1042", 5, 1m, Start.AddHours(1), "http", null, null), null)]);
        var second = EventSealer.Seal(identity, 2, first[^1].Hash, Start.AddSeconds(1),
        [
            new EventDraft(Actors.Orchestrator, new ResponseFinalized("Your refund is on its way."), 1),
            new EventDraft(Actors.Orchestrator, new RunCompleted(0, 0, 0m, null), 2),
        ]);
        foreach (var batch in new[] { first, second })
        {
            await journal.AppendAsync(identity.RunId, batch[0].Seq, batch);
            await checkpoints.ProjectAsync(batch, Domain.Runs.RunState.Empty);
        }

        return identity.RunId;
    }

    /// <summary>The insider's rewrite: event 1 edited, the chain recomputed and every stored hash (journal and checkpoints) replaced.</summary>
    private async Task RewriteFirstEventConsistentlyAsync(string runId)
    {
        var names = FunctionAgentsSettings.FromSettings(_settings.GetValueOrDefault).Storage.Names;
        var client = _azurite.CreateTableClient();
        var journal = new TableEventJournal(client, names.Journal);
        var events = new List<RunEvent>();
        await foreach (var e in journal.ReadAsync(runId))
        {
            events.Add(e);
        }

        for (var i = 0; i < events.Count; i++)
        {
            var edited = events[i] with
            {
                Payload = i == 0 ? events[i].Payload.Replace("1042", "1043", StringComparison.Ordinal) : events[i].Payload,
                PrevHash = i == 0 ? events[i].PrevHash : events[i - 1].Hash,
            };
            events[i] = edited with { Hash = EventHasher.Compute(edited) };
            var row = (await client.GetEntityAsync(names.Journal, runId, events[i].Seq.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)))!;
            row["Payload"] = events[i].Payload;
            row["PrevHash"] = events[i].PrevHash;
            row["Hash"] = events[i].Hash;
            await client.UpsertEntityAsync(names.Journal, row, TableUpdateMode.Replace);
        }

        var table = ForensicsTables.From(names).Checkpoints;
        foreach (var seq in new[] { 1, 3 })
        {
            var checkpoint = (await client.GetEntityAsync(table, runId, seq.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)))!;
            checkpoint["Hash"] = events[seq - 1].Hash;
            await client.UpsertEntityAsync(table, checkpoint, TableUpdateMode.Replace);
        }
    }
}
