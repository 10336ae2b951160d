using System.Net;
using FunctionAgents.Host.Demo;
using FunctionAgents.Host.Tests.Support;
using FunctionAgents.Runtime.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Host.Tests.Privacy;

/// <summary>
/// The issue's first finding, end to end: the demo run finds its customer (Anna Schmidt) with query_sql and emails
/// her, although the goal names nobody; erasing her by email reaches that run. (The demo's order lookup returns no
/// customer_id, so erasure by customer id is tested where an observation carries one: Runtime.Tests' SubjectDiscoveryTests.)
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DemoCustomerErasureTests(HostFixture fixture)
{
    private const string AdminKey = "admin-key-0123456789abcdef";
    private const string Email = "anna.schmidt@example.de";

    [Fact]
    public async Task Erase_TheDemosCustomerByEmail_EveryReadShowsErasedAndTheChainVerifies()
    {
        // Arrange
        await using var host = fixture.CreateHost(new Dictionary<string, string?>
        {
            [PrivacySettingNames.AdminKeys] = $"ops:{AdminKey}",
            [PrivacySettingNames.Kek] = KeyEncryptionKey.NewBase64(),
        });
        using var client = host.Client();
        var runId = await Api.StartAsync(client, DemoRunner.Goal);
        await Api.ApproveUntilCompletedAsync(client, runId);
        var (_, before, _) = await Api.GetAsync(client, $"/api/runs/{runId}/events?view=revealed");
        Assert.Contains(Email, before.GetRawText(), StringComparison.Ordinal);
        client.DefaultRequestHeaders.Add(AdminKeyRing.Header, AdminKey);

        // Act
        var (status, erased, _) = await Api.PostAsync(client, $"/api/subjects/{Uri.EscapeDataString("Anna.Schmidt@Example.de")}/erase", "{}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(runId, erased.GetProperty("runIds").EnumerateArray().Select(r => r.GetString()));
        foreach (var read in new[] { $"/api/runs/{runId}/events?view=revealed", $"/api/runs/{runId}/timeline", $"/api/runs/{runId}" })
        {
            var (_, body, _) = await Api.GetAsync(client, read);
            Assert.DoesNotContain(Email, body.GetRawText(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Schmidt", body.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }

        var (_, events, _) = await Api.GetAsync(client, $"/api/runs/{runId}/events?view=revealed");
        Assert.Contains(PersonalData.ErasedText, events.GetRawText(), StringComparison.Ordinal);
        var (_, verification, _) = await Api.GetAsync(client, $"/api/runs/{runId}/verification");
        Assert.True(verification.GetProperty("isValid").GetBoolean(), verification.GetRawText());
        var logged = new List<ErasureRecord>();
        await foreach (var r in host.Services.GetRequiredService<IErasureLog>().ListAsync("alpha", DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1)))
        {
            logged.Add(r);
        }

        Assert.Contains(logged, r => r.RunIds.Contains(runId));
    }
}
