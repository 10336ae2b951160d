using System.Diagnostics;
using System.Net;
using System.Text.Json;
using FunctionAgents.Azure.Privacy;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Host.Demo;
using FunctionAgents.Host.Tests.Support;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Testing;

namespace FunctionAgents.Host.Tests.Privacy;

/// <summary>
/// An erasure made by another process (<c>fa erase</c>, a separate OS process on the same Azurite) while a run waits
/// for approval: once the host's data-key cache bound (<see cref="DataKeyCacheSettings.TtlSetting"/>) has passed, the
/// host shows <c>[erased]</c> and the run, approved afterwards, stores nothing decryptable about the customer.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ErasureAcrossProcessesTests(HostFixture fixture)
{
    private const string AdminKey = "admin-key-0123456789abcdef";
    private const string Email = "anna.schmidt@example.de";
    private static readonly TimeSpan CacheBound = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Erase_ByTheCliWhileTheRunWaitsForApproval_HostShowsErasedAfterTheBoundAndWritesNothingDecryptable()
    {
        // Arrange: the demo run, approved until it has found Anna and waits for the next approval.
        await using var host = fixture.CreateHost(new Dictionary<string, string?>
        {
            [PrivacySettingNames.AdminKeys] = $"ops:{AdminKey}",
            [PrivacySettingNames.Kek] = KeyEncryptionKey.NewBase64(),
            [DataKeyCacheSettings.TtlSetting] = "PT1S",
        });
        using var client = host.Client();
        var runId = await Api.StartAsync(client, DemoRunner.Goal);
        var waiting = await ApproveUntilFoundAsync(client, runId);
        var seqBeforeErasure = await LastSeqAsync(client, runId);

        // Act: find and erase her from a separate process, by customer id and email.
        var find = await FaAsync(host, "subjects", "find", "--subject", "ANNA.SCHMIDT@example.de", "--tenant", "alpha");
        var unknown = await FaAsync(host, "subjects", "find", "--subject", "nobody@example.com", "--tenant", "alpha");
        var erase = await FaAsync(host, "erase", "--subject", "1", "--tenant", "alpha");
        await Task.Delay(CacheBound + TimeSpan.FromMilliseconds(500));
        var (_, afterBound, _) = await Api.GetAsync(client, $"/api/runs/{runId}/events?view=revealed");
        foreach (var pending in waiting.GetProperty("pendingApprovals").EnumerateArray())
        {
            await Api.PostAsync(client, pending.GetProperty("approveUri").GetString()!, """{"decision":"approve"}""");
        }

        await ApproveUntilEndAsync(client, runId);

        // Assert
        Assert.Equal(0, find.ExitCode);
        Assert.Contains(runId, find.Output, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal(0, erase.ExitCode);
        Assert.Contains(runId, erase.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, afterBound.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(PersonalData.ErasedText, afterBound.GetRawText(), StringComparison.Ordinal);
        var (_, stored, _) = await Api.GetAsync(client, $"/api/runs/{runId}/events");
        var written = stored.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("seq").GetInt64() > seqBeforeErasure).ToList();
        Assert.NotEmpty(written);
        Assert.All(written, e => Assert.DoesNotContain(FieldCipher.Marker, e.GetProperty("payload").GetRawText(), StringComparison.Ordinal));
        var (_, revealed, _) = await Api.GetAsync(client, $"/api/runs/{runId}/events?view=revealed");
        Assert.DoesNotContain(Email, revealed.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Schmidt", revealed.GetRawText(), StringComparison.OrdinalIgnoreCase);
        var (_, verification, _) = await Api.GetAsync(client, $"/api/runs/{runId}/verification");
        Assert.True(verification.GetProperty("isValid").GetBoolean(), verification.GetRawText());
    }

    /// <summary>Approves until the run's revealed events name Anna and it waits for an approval again.</summary>
    private static async Task<JsonElement> ApproveUntilFoundAsync(HttpClient client, string runId)
    {
        while (true)
        {
            var state = await Api.WaitForStatusAsync(client, runId, "awaiting_approval", "completed", "failed");
            Assert.Equal("awaiting_approval", state.GetProperty("status").GetString());
            var (_, events, _) = await Api.GetAsync(client, $"/api/runs/{runId}/events?view=revealed");
            if (events.GetRawText().Contains(Email, StringComparison.Ordinal))
            {
                return state;
            }

            foreach (var pending in state.GetProperty("pendingApprovals").EnumerateArray())
            {
                await Api.PostAsync(client, pending.GetProperty("approveUri").GetString()!, """{"decision":"approve"}""");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Approves whatever else the run asks for until it ends (completed, or failed on an input it can no longer read).</summary>
    private static async Task ApproveUntilEndAsync(HttpClient client, string runId)
    {
        while (true)
        {
            var state = await Api.WaitForStatusAsync(client, runId, "awaiting_approval", "completed", "failed");
            if (state.GetProperty("status").GetString() != "awaiting_approval")
            {
                return;
            }

            foreach (var pending in state.GetProperty("pendingApprovals").EnumerateArray())
            {
                await Api.PostAsync(client, pending.GetProperty("approveUri").GetString()!, """{"decision":"approve"}""");
            }

            await Task.Delay(200);
        }
    }

    private static async Task<long> LastSeqAsync(HttpClient client, string runId)
    {
        var (status, events, _) = await Api.GetAsync(client, $"/api/runs/{runId}/events");
        Assert.Equal(HttpStatusCode.OK, status);
        return events.GetProperty("events").EnumerateArray().Last().GetProperty("seq").GetInt64();
    }

    /// <summary>Runs the built <c>fa</c> as its own process on the host's storage, with the admin key in its environment.</summary>
    private async Task<(int ExitCode, string Output)> FaAsync(TestHost host, params string[] args)
    {
        var fa = Path.Combine(LocalHostProcess.RepositoryRoot(), "src", "FunctionAgents.Cli", "bin", "Release", "net10.0", "fa.dll");
        Assert.True(File.Exists(fa), $"the CLI is not built ({fa})");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(fa);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[StorageSettings.ConnectionSetting] = fixture.ConnectionString;
        start.Environment[StorageSettings.PrefixSetting] = host.Prefix;
        start.Environment[PrivacySettingNames.AdminKeys] = $"ops:{AdminKey}";
        start.Environment["FA_ADMIN_KEY"] = AdminKey;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
