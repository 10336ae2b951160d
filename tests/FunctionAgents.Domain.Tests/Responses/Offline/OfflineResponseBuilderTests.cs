using System.Text.Json;
using FunctionAgents.Domain.Responses.Offline;
using FunctionAgents.Domain.Responses;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Domain.Tests.Responses.Offline;

public sealed class OfflineResponseBuilderTests
{
    private const string Goal = "Can order 1042 still be refunded?";

    private static ToolObservation Ok(object output, bool truncated = false) =>
        new(true, JsonSerializer.SerializeToElement(output), null, 12, truncated);

    private static StepOutcome Executed(string id, string tool, ToolObservation observation) =>
        new(id, tool, $"Run {tool}.", "executed", observation, null);

    private static readonly StepOutcome Search = Executed("s1", "search_docs", Ok(new
    {
        results = new[]
        {
            new { source = "refund-policy.md", heading = "Refund window", score = 4.2, text = "Customers may return most items for a full refund within 30 days of delivery.\n\nThe window starts on delivery." },
            new { source = "returns-process.md", heading = "Starting a return", score = 2.1, text = "Customers start a return from the order page." },
        },
    }));

    private static readonly StepOutcome Order = Executed("s2", "query_sql", Ok(new
    {
        columns = new[] { "order_id", "status", "delivered_at", "first_name", "last_name", "country", "days_since_delivery", "refund_requests", "refund_window" },
        rows = new[]
        {
            new { order_id = 1042, status = "delivered", delivered_at = "2026-11-10 11:32:00", first_name = "Anna", last_name = "Schmidt", country = "Germany", days_since_delivery = 10, refund_requests = 0, refund_window = "within the 30-day refund window" },
        },
        rowCount = 1,
        truncated = false,
    }));

    private static readonly StepOutcome Ticket = Executed("s3", "create_ticket", Ok(new { ticketId = "TCK-0A1B2C3D4E", title = "Refund request for order 1042", priority = "normal", createdAt = "2026-11-20T09:30:00+00:00" }));

    private static async Task<ResponseResult> BuildAsync(params StepOutcome[] steps) =>
        await new OfflineResponseBuilder().BuildAsync(new ResponseRequest("run-1", Goal, null, steps), CancellationToken.None);

    [Fact]
    public async Task BuildAsync_RealisticOutcomes_QuotesTopPassageAndListsSources()
    {
        // Arrange
        var email = Executed("s4", "send_email", Ok(new { messageId = "MSG-99AA88BB77", to = "anna.schmidt@example.de", subject = "s", status = "queued", queuedAt = "2026-11-20T09:30:00+00:00" }));

        // Act
        var result = await BuildAsync(Search, Order, Ticket, email);

        // Assert
        Assert.Equal("offline", result.Builder);
        Assert.Empty(result.ModelCalls);
        Assert.Contains(
            "According to \"Refund window\" (samples/docs/refund-policy.md#Refund window): \"Customers may return most items for a full refund within 30 days of delivery. The window starts on delivery.\"",
            result.Text);
        Assert.Contains("Related passages: \"Starting a return\" (samples/docs/returns-process.md#Starting a return).", result.Text);
        Assert.Contains("Order 1042 for Anna Schmidt (Germany) has status delivered; it was delivered on 2026-11-10 (10 days ago) and is within the 30-day refund window.", result.Text);
        Assert.Contains("I opened ticket TCK-0A1B2C3D4E with priority normal.", result.Text);
        Assert.Contains("An email to anna.schmidt@example.de was queued in the outbox (message MSG-99AA88BB77)", result.Text);
        Assert.Equal(
            ["step:s1", "samples/docs/refund-policy.md#Refund window", "samples/docs/returns-process.md#Starting a return", "step:s2", "step:s3", "step:s4"],
            result.Sources);
    }

    [Fact]
    public async Task BuildAsync_EmailRejectedByPolicy_ReportsItWasNotSent()
    {
        // Arrange
        var email = new StepOutcome("s4", "send_email", "Email the customer.", "rejected", null, "a run may send at most 3 emails");

        // Act
        var result = await BuildAsync(Search, Order, Ticket, email);

        // Assert
        Assert.Contains("The email to the customer was not sent: policy did not allow it (a run may send at most 3 emails).", result.Text);
        Assert.DoesNotContain("queued", result.Text);
        Assert.DoesNotContain("step:s4", result.Sources);
    }

    [Fact]
    public async Task BuildAsync_EmailApprovalExpired_SaysNoApprovalCameInTime()
    {
        // Arrange
        var email = new StepOutcome("s4", "send_email", "Email the customer.", "rejected", null, "approval expired; policy on_timeout is deny");

        // Act
        var result = await BuildAsync(Search, email);

        // Assert
        Assert.Contains("The email to the customer was not sent: it needed a human's approval and none came in time", result.Text);
    }

    [Fact]
    public async Task BuildAsync_EmailAwaitingApproval_SaysItIsWaiting()
    {
        // Arrange
        var email = new StepOutcome("s4", "send_email", "Email the customer.", "not_run", null, "awaiting human approval");

        // Act
        var result = await BuildAsync(Search, email);

        // Assert
        Assert.Contains("The email to the customer is waiting for a human's approval", result.Text);
    }

    [Fact]
    public async Task BuildAsync_FailedAndNotRunSteps_ReportErrorAndReason()
    {
        // Arrange
        var failed = Executed("s2", "query_sql", new ToolObservation(false, null, new ToolError("timeout", "Tool query_sql did not finish within 5 s."), 5000, false));
        var notRun = new StepOutcome("s3", "create_ticket", "Open a support ticket.", "not_run", null, "the run stopped before this step");

        // Act
        var result = await BuildAsync(Search, failed, notRun);

        // Assert
        Assert.Contains("Step s2 (query_sql) failed: timeout - Tool query_sql did not finish within 5 s.", result.Text);
        Assert.Contains("Step s3 (Open a support ticket) did not run: the run stopped before this step.", result.Text);
        Assert.DoesNotContain("step:s2", result.Sources);
    }

    [Fact]
    public async Task BuildAsync_GenericRows_ListsTheFirstFive()
    {
        // Arrange
        var rows = Enumerable.Range(1, 8).Select(i => new { country = $"C{i}", refunds = i }).ToArray();
        var counts = Executed("s1", "query_sql", Ok(new { columns = new[] { "country", "refunds" }, rows, rowCount = 8, truncated = false }));

        // Act
        var result = await BuildAsync(counts);

        // Assert
        Assert.Contains("The database query (step s1) returned 8 rows:\n- country = C1, refunds = 1", result.Text);
        Assert.Contains("(showing 5 of 8 rows)", result.Text);
        Assert.DoesNotContain("C6", result.Text);
    }

    [Fact]
    public async Task BuildAsync_NoSearchResults_SaysNothingWasFound()
    {
        // Act
        var result = await BuildAsync(Executed("s1", "search_docs", Ok(new { results = Array.Empty<object>() })));

        // Assert
        Assert.Contains("I found no policy passage for this question (step s1).", result.Text);
    }

    [Fact]
    public async Task BuildAsync_NoSteps_SaysNothingRan()
    {
        // Act
        var result = await BuildAsync();

        // Assert
        Assert.Contains("no step of a plan ran", result.Text);
        Assert.Empty(result.Sources);
    }
}
