using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using FunctionAgents.Domain.Evaluation.Replay;
using FunctionAgents.Domain.Evaluation.Scoring;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Host.Tests.Support;
using FunctionAgents.Runtime.Evaluation.Replay;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Host.Tests.Privacy;

/// <summary>
/// Crypto-shredding end to end on the real host and Azurite: a run whose goal names a customer is stored encrypted,
/// erased over HTTP, and afterwards still verifies, explains, audits and replays with <c>[erased]</c> in place of the data.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class CryptoShreddingTests(HostFixture fixture)
{
    private const string AdminKey = "admin-key-0123456789abcdef";
    private const string Email = "anna.schmidt@example.de";
    private const string Goal = $"The customer {Email} asks whether order 1042 can still be refunded: check our refund policy and the order, open a ticket, and email the customer the answer";

    [Fact]
    public async Task Erase_CustomerRun_StoredEncryptedThenErasedWhileTheChainStillVerifies()
    {
        // Arrange
        await using var host = fixture.CreateHost(new Dictionary<string, string?>
        {
            [PrivacySettingNames.AdminKeys] = $"ops:{AdminKey}",
            [PrivacySettingNames.Kek] = KeyEncryptionKey.NewBase64(),
        });
        using var client = host.Client();
        var runId = await Api.StartAsync(client, Goal);
        await Api.ApproveUntilCompletedAsync(client, runId);

        // Assert: nothing personal in any raw entity of the journal, the audit table or the run index
        var tables = new TableServiceClient(fixture.ConnectionString);
        foreach (var table in new[] { host.Names.Journal, host.Names.RunsByTenant, host.Names.Table("AgentAudit") })
        {
            await foreach (var entity in tables.GetTableClient(table).QueryAsync<TableEntity>(maxPerPage: 1000))
            {
                foreach (var value in ((IDictionary<string, object>)entity).Values.OfType<string>())
                {
                    Assert.DoesNotContain(Email, value, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain("Schmidt", value, StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        var (_, before, _) = await Api.GetAsync(client, $"/api/runs/{runId}");
        Assert.Contains(Email, before.GetProperty("goal").GetString(), StringComparison.Ordinal);

        // Act + Assert: bad input first
        var (noAdmin, noAdminBody, noAdminResponse) = await Api.PostAsync(client, $"/api/subjects/{Email}/erase", "{}");
        Assert.Equal(HttpStatusCode.Forbidden, noAdmin);
        Api.AssertProblem(noAdminResponse, noAdminBody, HttpStatusCode.Forbidden);
        client.DefaultRequestHeaders.Add(AdminKeyRing.Header, AdminKey);
        var (unknown, unknownBody, unknownResponse) = await Api.PostAsync(client, "/api/subjects/nobody@example.com/erase", "{}");
        Api.AssertProblem(unknownResponse, unknownBody, HttpStatusCode.NotFound);

        var (erasedStatus, erased, _) = await Api.PostAsync(client, $"/api/subjects/{Email}/erase", "{}");
        var (againStatus, again, _) = await Api.PostAsync(client, $"/api/subjects/{Email}/erase", "{}");

        Assert.Equal(HttpStatusCode.OK, erasedStatus);
        Assert.Equal("erased", erased.GetProperty("status").GetString());
        Assert.Equal("admin:ops", erased.GetProperty("by").GetString());
        Assert.Contains(runId, erased.GetProperty("runIds").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Equal("already_erased", again.GetProperty("status").GetString());
        Assert.Equal(erased.GetProperty("erasedAt").GetString(), again.GetProperty("erasedAt").GetString());

        // Reads, the explainer and the events API: [erased] where the data was; the chain verifies over HTTP and in the table
        var (_, after, _) = await Api.GetAsync(client, $"/api/runs/{runId}");
        Assert.Equal(PersonalData.ErasedText, after.GetProperty("goal").GetString());
        Assert.Equal("completed", after.GetProperty("status").GetString());
        var (_, timeline, _) = await Api.GetAsync(client, $"/api/runs/{runId}/timeline");
        Assert.Contains(PersonalData.ErasedText, timeline.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(Email, timeline.GetRawText(), StringComparison.OrdinalIgnoreCase);
        var (_, events, _) = await Api.GetAsync(client, $"/api/runs/{runId}/events");
        var verifier = new ChainVerifier(runId);
        Assert.All(events.GetProperty("events").EnumerateArray(), e => Assert.True(verifier.Accept(ToRunEvent(runId, e)), verifier.Result().Problem));
        Assert.True((await host.Journal.VerifyChainAsync(runId)).IsValid);

        // The audit lists the erasure; replay still scores the run and says how much of it was erased
        var log = host.Services.GetRequiredService<IErasureLog>();
        var logged = new List<ErasureRecord>();
        await foreach (var r in log.ListAsync("alpha", DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1)))
        {
            logged.Add(r);
        }

        Assert.Contains(logged, r => r.RunIds.Contains(runId));
        var replayer = new RunReplayer(new ReplayConfiguration(host.Services.GetRequiredService<IToolCatalog>(), host.Services.GetRequiredService<IPolicyEvaluator>()));
        var score = new RunScorer().Score(await replayer.ReplayAsync(host.Journal, runId));
        Assert.True(score.ErasedFields > 0);
        Assert.Equal("completed", score.Baseline.Status);
    }

    private static RunEvent ToRunEvent(string runId, JsonElement e) => new(
        runId,
        e.GetProperty("seq").GetInt64(),
        e.GetProperty("type").GetString()!,
        e.GetProperty("actor").GetString()!,
        e.GetProperty("occurredAt").GetDateTimeOffset(),
        e.GetProperty("tenantId").GetString()!,
        e.GetProperty("correlationId").GetString()!,
        e.GetProperty("causationSeq").ValueKind == JsonValueKind.Number ? e.GetProperty("causationSeq").GetInt64() : null,
        e.GetProperty("traceParent").GetString()!,
        e.GetProperty("schemaVersion").GetInt32(),
        e.GetProperty("payload").GetRawText(),
        e.GetProperty("prevHash").GetString()!,
        e.GetProperty("hash").GetString()!);
}
