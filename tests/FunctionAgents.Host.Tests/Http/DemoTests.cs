using System.Text.RegularExpressions;
using FunctionAgents.Host.Demo;
using FunctionAgents.Host.Hosting;
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

        // The run was a Durable orchestration: the task hub's Instances table holds it under the run id, Completed.
        var runId = Regex.Match(text, "POST /api/runs/(?<id>[^/\\s]+)/approvals/").Groups["id"].Value;
        Assert.NotEmpty(runId);
        var instances = LocalEngineServiceCollectionExtensions.TaskHubName(fixture.Shared.Prefix) + "Instances";
        var tables = fixture.Shared.CreateTableClient();
        string? status = null;
        for (var attempt = 0; attempt < 100 && status != "Completed"; attempt++)
        {
            status = (await tables.GetEntityAsync(instances, runId, string.Empty))?.GetString("RuntimeStatus");
            if (status != "Completed")
            {
                await Task.Delay(200); // the instance completes just after the run's last event
            }
        }

        Assert.Equal("Completed", status);
    }
}
