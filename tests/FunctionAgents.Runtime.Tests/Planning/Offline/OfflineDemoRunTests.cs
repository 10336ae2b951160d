using FunctionAgents.Runtime.Tests.Tools.Fakes;
using FunctionAgents.Domain.Planning.Offline;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Responses.Offline;
using FunctionAgents.Domain.Responses;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Runtime.Tests.Planning.Offline;

/// <summary>
/// The demo goal end to end without the engine: offline plan, the runtime's reference resolver, the real tools over the
/// committed samples, and the offline answer.
/// </summary>
public sealed class OfflineDemoRunTests
{
    private const string RunId = "run-demo-0001";
    private readonly SampleShop _shop = new();

    private async Task<IReadOnlyList<StepOutcome>> RunDemoAsync(Func<PlanStep, string?> rejectionFor)
    {
        var planned = await new OfflinePlanner(_shop.Registry).PlanAsync(
            new PlanRequest(RunId, SampleShop.DemoGoal, 8, 1m, SampleShop.AsOfReferenceDate), CancellationToken.None);
        var plan = PlanValidator.Validate(planned.RawPlan, _shop.Registry).Plan!;
        var executor = new ToolExecutor(_shop.Registry, new FixedTimeProvider(FixedTimeProvider.Reference));
        var state = RunState.Empty with { RunId = RunId, TenantId = "tenant-a" };
        var outcomes = new List<StepOutcome>();
        var seq = 10;
        foreach (var step in plan.Steps)
        {
            if (rejectionFor(step) is { } reason)
            {
                outcomes.Add(new StepOutcome(step.Id, step.Tool, step.Objective, "rejected", null, reason));
                continue;
            }

            Assert.True(StepInputResolver.TryResolve(step.Input, state, out var input, out var error), error);
            var dispatchId = $"{RunId}:{seq++}";
            var observation = await executor.ExecuteAsync(
                new ToolInvocation(dispatchId, RunId, "tenant-a", step.Id, input), step.Tool, CancellationToken.None);
            Assert.True(observation.Success, $"{step.Id}: {observation.Error?.Code} {observation.Error?.Message}");
            state = state with
            {
                Steps = state.Steps.Add(new StepState(
                    step.Id, step.Tool, step.Objective, step.SuccessCriteria, StepPhase.Executed, input, null, [], null, null,
                    null, null, null, null, dispatchId, observation, 0m, seq)),
            };
            outcomes.Add(new StepOutcome(step.Id, step.Tool, step.Objective, "executed", observation, null));
        }

        return outcomes;
    }

    [Fact]
    public async Task DemoRun_AllStepsAllowed_EmailsAnnaThePolicyAndHerOrderFacts()
    {
        // Act
        await RunDemoAsync(_ => null);

        // Assert
        var ticket = Assert.Single(_shop.Tickets.Tickets);
        Assert.Contains("Order 1042: status delivered, delivered 2026-11-10 11:32:00 (10 days ago)", ticket.Body);
        Assert.Contains("Customer: Anna Schmidt <anna.schmidt@example.de>, Germany.", ticket.Body);
        Assert.Contains("Policy: refund-policy.md - ", ticket.Body);

        var email = Assert.Single(_shop.Outbox.Emails);
        Assert.Equal("anna.schmidt@example.de", email.To);
        Assert.Equal("Your refund question about order 1042", email.Subject);
        Assert.StartsWith("Dear Anna,", email.Body);
        Assert.Contains("is within the 14-day EU withdrawal period and the 30-day refund window", email.Body);
        Assert.Contains("refund window", email.Body);
        Assert.Contains($"Your case number is {ticket.TicketId}", email.Body);
        Assert.DoesNotContain("{{", email.Body);
    }

    [Fact]
    public async Task DemoRun_AllStepsAllowed_AnswerCitesPolicyOrderTicketAndQueuedEmail()
    {
        // Arrange
        var outcomes = await RunDemoAsync(_ => null);

        // Act
        var answer = await new OfflineResponseBuilder().BuildAsync(
            new ResponseRequest(RunId, SampleShop.DemoGoal, null, outcomes), CancellationToken.None);

        // Assert
        Assert.Contains("Order 1042 for Anna Schmidt (Germany) has status delivered; it was delivered on 2026-11-10 (10 days ago)", answer.Text);
        Assert.Contains("(samples/docs/refund-policy.md#", answer.Text);
        Assert.Contains($"I opened ticket {_shop.Tickets.Tickets.Single().TicketId}", answer.Text);
        Assert.Contains("An email to anna.schmidt@example.de was queued in the outbox", answer.Text);
        Assert.StartsWith("samples/docs/refund-policy.md#", answer.Sources[1]);
        Assert.Equal(["step:s1", "step:s2", "step:s3", "step:s4"], answer.Sources.Where(s => s.StartsWith("step:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DemoRun_EmailRejectedByReviewer_QueuesNothingAndSaysSo()
    {
        // Arrange
        var outcomes = await RunDemoAsync(step => step.Tool == "send_email" ? "rejected by lead@kestrelgoods.example: check tone" : null);

        // Act
        var answer = await new OfflineResponseBuilder().BuildAsync(
            new ResponseRequest(RunId, SampleShop.DemoGoal, null, outcomes), CancellationToken.None);

        // Assert
        Assert.Empty(_shop.Outbox.Emails);
        Assert.Contains("The email to the customer was not sent: a reviewer refused the approval", answer.Text);
        Assert.DoesNotContain("step:s4", answer.Sources);
    }
}
