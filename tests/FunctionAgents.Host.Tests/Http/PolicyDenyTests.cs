using FunctionAgents.Azure.Content;
using FunctionAgents.Host.Tests.Support;

namespace FunctionAgents.Host.Tests.Http;

[Collection(HostCollection.Name)]
public sealed class PolicyDenyTests(HostFixture fixture)
{
    [Fact]
    public async Task StartRun_PolicyDeniesEmail_StepRejectedWithRuleAndRunCompletesWithoutApproval()
    {
        // Arrange: the default policy plus a rule that denies every email
        var root = ContentPaths.FindRepositoryRoot(AppContext.BaseDirectory)!;
        var policy = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(policy, await File.ReadAllTextAsync(Path.Combine(root, "samples/policies/default.yaml")) + """

              - name: no_email_from_this_deployment
                when:
                  tool: send_email
                action: deny
                reason: this deployment sends no email

            """);
        await using var host = fixture.CreateHost(new Dictionary<string, string?> { [ContentSettings.PolicyPathSetting] = policy });
        using var client = host.Client();

        // Act
        var runId = await Api.StartAsync(client);
        var done = await Api.WaitForStatusAsync(client, runId, "completed", "failed", "cancelled", "awaiting_approval");

        // Assert
        Assert.Equal("completed", done.GetProperty("status").GetString());
        var email = done.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("tool").GetString() == "send_email");
        Assert.Equal("rejected", email.GetProperty("phase").GetString());
        Assert.Equal("deny", email.GetProperty("decision").GetString());
        Assert.Equal("policy", email.GetProperty("decidedBy").GetString());
        Assert.Contains(email.GetProperty("rules").EnumerateArray(), r => r.GetProperty("name").GetString() == "no_email_from_this_deployment");
        var (_, events, _) = await Api.GetAsync(client, $"/api/runs/{runId}/events");
        var types = events.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Contains("ToolRejected", types);
        Assert.DoesNotContain("ApprovalRequested", types);
        File.Delete(policy);
    }
}
