using FunctionAgents.Host.Demo;
using FunctionAgents.Host.Tests.Support;

namespace FunctionAgents.Host.Tests.Http;

[Collection(HostCollection.Name)]
public sealed class DemoTests(HostFixture fixture)
{
    [Fact]
    public async Task DemoClient_AgainstTheHost_ApprovesTheEmailCompletesAndVerifiesTheChain()
    {
        // Arrange
        using var client = fixture.Shared.Client();
        using var output = new StringWriter();
        var demo = new DemoClient(client, fixture.Shared.Services, output);

        // Act
        var ok = await demo.RunAsync(DemoRunner.Goal, new CancellationTokenSource(DemoRunner.TimeLimit).Token);

        // Assert
        var text = output.ToString();
        Assert.True(ok, text);
        Assert.Contains("ApprovalRequested", text, StringComparison.Ordinal);
        Assert.Contains("rule:    deny_external_email_without_approval", text, StringComparison.Ordinal);
        Assert.Contains("Approving: POST /api/runs/", text, StringComparison.Ordinal);
        Assert.Contains("RunCompleted", text, StringComparison.Ordinal);
        Assert.Contains("Final answer:", text, StringComparison.Ordinal);
        Assert.Contains("Chain recomputed from the API's events: valid", text, StringComparison.Ordinal);
        Assert.Contains("Chain verified in the journal table:    valid", text, StringComparison.Ordinal);
    }
}
