using FunctionAgents.Domain.Forensics.Invariants;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Host.Tests.Support;
using FunctionAgents.Runtime.Runs;

namespace FunctionAgents.Host.Tests.Privacy;

/// <summary>The demo run answers its own customer, so <c>no-pii-in-response</c> holds for it (it flagged every demo run before).</summary>
[Collection(HostCollection.Name)]
public sealed class DemoInvariantTests(HostFixture fixture)
{
    [Fact]
    public async Task DemoRun_AnswerToItsOwnCustomer_PassesNoPiiInResponse()
    {
        // Arrange
        using var client = fixture.Shared.Client();
        var runId = await Api.StartAsync(client, Api.Goal);
        while (true)
        {
            var state = await Api.WaitForStatusAsync(client, runId, "awaiting_approval", "completed", "failed");
            if (state.GetProperty("status").GetString() != "awaiting_approval")
            {
                break;
            }

            foreach (var pending in state.GetProperty("pendingApprovals").EnumerateArray())
            {
                await Api.PostAsync(client, pending.GetProperty("approveUri").GetString()!, """{"decision":"approve"}""");
            }

            await Task.Delay(200);
        }

        // Act
        var run = await RunReader.LoadAsync(fixture.Shared.Journal, runId);
        var result = InvariantRegistry.CreateDefault().Get(NoPiiInResponseInvariant.InvariantName).Check(run);

        // Assert
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Contains("@", run.Response, StringComparison.Ordinal);
        Assert.True(result.Holds, result.Violation);
    }
}
