using System.Net;
using FunctionAgents.Host.Tests.Support;
using FunctionAgents.Runtime.Privacy;

namespace FunctionAgents.Host.Tests.Privacy;

/// <summary>
/// The owner's readable views (issue 25, D): <c>GET /api/runs/{id}/events</c> stays as stored, <c>view=revealed</c>
/// decrypts for the owning tenant; and the verification API checks the checkpoints' signatures with the host's key.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class RevealedEventsTests(HostFixture fixture)
{
    private const string Email = "anna.schmidt@example.de";
    private const string Goal = $"The customer {Email} asks whether order 1042 can still be refunded: check our refund policy and the order, open a ticket, and email the customer the answer";

    [Fact]
    public async Task Events_StoredByDefault_RevealedOnRequest_AndTheVerificationIsSignedToTheEnd()
    {
        // Arrange
        await using var host = fixture.CreateHost(new Dictionary<string, string?> { [PrivacySettingNames.Kek] = KeyEncryptionKey.NewBase64() });
        using var client = host.Client();
        var runId = await Api.StartAsync(client, Goal);
        await Api.ApproveUntilCompletedAsync(client, runId);

        // Act
        var (_, stored, _) = await Api.GetAsync(client, $"/api/runs/{runId}/events");
        var (_, revealed, _) = await Api.GetAsync(client, $"/api/runs/{runId}/events?view=revealed");
        var (badStatus, badBody, badResponse) = await Api.GetAsync(client, $"/api/runs/{runId}/events?view=plain");
        var (_, verification, _) = await Api.GetAsync(client, $"/api/runs/{runId}/verification");

        // Assert
        Assert.DoesNotContain(Email, stored.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("$enc", stored.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(Email, revealed.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(
            stored.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("hash").GetString()),
            revealed.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("hash").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Api.AssertProblem(badResponse, badBody, HttpStatusCode.BadRequest);
        Assert.Contains("view", badBody.GetRawText(), StringComparison.Ordinal);
        Assert.True(verification.GetProperty("isValid").GetBoolean(), verification.GetRawText());
        Assert.Equal(verification.GetProperty("eventsChecked").GetInt64(), verification.GetProperty("signedThroughSeq").GetInt64());
    }
}
