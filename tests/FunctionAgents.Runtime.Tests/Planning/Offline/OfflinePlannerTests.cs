using System.Text.Json;
using FunctionAgents.Domain.Planning.Offline;
using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Tests.Tools.Sql;
using FunctionAgents.Runtime.Tests.Tools;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Runtime.Tests.Planning.Offline;

public sealed class OfflinePlannerTests
{
    private readonly SampleShop _shop = new();

    private async Task<(PlannerResult Result, AgentPlan Plan)> PlanAsync(
        string goal, int maxSteps = 8, decimal budgetUsd = 1m, ToolRegistry? registry = null)
    {
        var catalog = registry ?? _shop.Registry;
        var planner = new OfflinePlanner(catalog);
        var result = await planner.PlanAsync(
            new PlanRequest("run-offline-0001", goal, maxSteps, budgetUsd, SampleShop.AsOfReferenceDate), CancellationToken.None);
        var validation = PlanValidator.Validate(result.RawPlan, catalog);
        Assert.True(validation.IsValid, string.Join("\n", validation.Violations.Select(v => $"{v.Path}: {v.Message}")) + "\n" + result.RawPlan);
        return (result, validation.Plan);
    }

    private static string Input(PlanStep step, string name) => step.Input.GetProperty(name).ToString();

    [Fact]
    public async Task PlanAsync_DemoGoal_PlansSearchQueryTicketAndEmailThatValidate()
    {
        // Act
        var (result, plan) = await PlanAsync(SampleShop.DemoGoal);

        // Assert
        Assert.Equal("offline", result.Planner);
        Assert.Null(result.PromptVersion);
        Assert.Empty(result.ModelCalls);
        Assert.Equal(["s1", "s2", "s3", "s4"], plan.Steps.Select(s => s.Id));
        Assert.Equal(["search_docs", "query_sql", "create_ticket", "send_email"], plan.Steps.Select(s => s.Tool));

        Assert.Equal("refund window EU customers", Input(plan.Steps[0], "query"));
        Assert.Equal(3, plan.Steps[0].Input.GetProperty("top_k").GetInt32());

        var sql = Input(plan.Steps[1], "sql");
        Assert.StartsWith("SELECT o.order_id, o.status", sql);
        Assert.Contains("JOIN customers c ON c.customer_id = o.customer_id", sql);
        Assert.Contains("WHERE o.order_id = 1042", sql);
        Assert.Contains("'2026-11-20'", sql);

        Assert.Equal("Refund request for order 1042", Input(plan.Steps[2], "title"));
        Assert.Equal("normal", Input(plan.Steps[2], "priority"));

        Assert.Equal("{{steps.s2.output.rows[0].email}}", Input(plan.Steps[3], "to"));
        var body = Input(plan.Steps[3], "body");
        Assert.Contains("{{steps.s1.output.results[0].text}}", body);
        Assert.Contains("{{steps.s2.output.rows[0].status}}", body);
        Assert.Contains("{{steps.s2.output.rows[0].refund_window}}", body);
        Assert.Contains("{{steps.s3.output.ticketId}}", body);

        Assert.Contains(plan.StopConditions, c => c.Contains("Offline planner", StringComparison.Ordinal));
        Assert.Equal(8, plan.MaxSteps);
        Assert.Equal(1m, plan.BudgetUsd);
    }

    [Fact]
    public async Task PlanAsync_SameRequestTwice_ReturnsIdenticalPlanText()
    {
        // Act
        var (first, _) = await PlanAsync(SampleShop.DemoGoal);
        var (second, _) = await PlanAsync(SampleShop.DemoGoal);

        // Assert
        Assert.Equal(first.RawPlan, second.RawPlan);
    }

    [Fact]
    public async Task PlanAsync_RawPlan_UsesCamelCaseContractNames()
    {
        // Act
        var (result, _) = await PlanAsync(SampleShop.DemoGoal);

        // Assert
        using var document = JsonDocument.Parse(result.RawPlan);
        Assert.Equal(
            ["runId", "goal", "maxSteps", "budgetUsd", "steps", "stopConditions"],
            document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["id", "objective", "tool", "input", "successCriteria"],
            document.RootElement.GetProperty("steps")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task PlanAsync_PolicyQuestion_PlansOneSearch()
    {
        // Act
        var (_, plan) = await PlanAsync("How long does delivery to Italy take and what does express shipping cost?");

        // Assert
        var step = Assert.Single(plan.Steps);
        Assert.Equal("search_docs", step.Tool);
        Assert.Equal("shipping delivery times late parcels", Input(step, "query"));
    }

    [Fact]
    public async Task PlanAsync_OrderStatusQuestion_PlansOneOrderQuery()
    {
        // Act
        var (_, plan) = await PlanAsync("What is the status of order #1187?");

        // Assert
        var step = Assert.Single(plan.Steps);
        Assert.Equal("query_sql", step.Tool);
        Assert.Contains("WHERE o.order_id = 1187", Input(step, "sql"));
        Assert.DoesNotContain("refund_window", Input(step, "sql"));
    }

    [Fact]
    public async Task PlanAsync_RefundCountPerCountry_PlansGroupedQueryWithoutSearch()
    {
        // Act
        var (_, plan) = await PlanAsync("How many refunds did we issue per country?");

        // Assert
        var step = Assert.Single(plan.Steps);
        Assert.Equal("query_sql", step.Tool);
        Assert.Contains("GROUP BY c.country", Input(step, "sql"));
        Assert.Contains("FROM refunds r", Input(step, "sql"));
    }

    [Fact]
    public async Task PlanAsync_OutageWithTicket_PlansRunbookSearchAndUrgentTicket()
    {
        // Act
        var (_, plan) = await PlanAsync("Checkout is down for all customers: open a ticket for the on-call engineer");

        // Assert
        Assert.Equal(["search_docs", "create_ticket"], plan.Steps.Select(s => s.Tool));
        Assert.Equal("urgent", Input(plan.Steps[1], "priority"));
        Assert.Contains("{{steps.s1.output.results[0].heading}}", Input(plan.Steps[1], "body"));
    }

    [Fact]
    public async Task PlanAsync_EmailToNamedAddress_SendsToThatAddress()
    {
        // Act
        var (_, plan) = await PlanAsync("Email privacy@kestrelgoods.example what our GDPR policy says about access requests");

        // Assert
        Assert.Equal(["search_docs", "send_email"], plan.Steps.Select(s => s.Tool));
        Assert.Equal("privacy@kestrelgoods.example", Input(plan.Steps[1], "to"));
    }

    [Fact]
    public async Task PlanAsync_CustomerAddressWithoutEmailRequest_LooksUpTheCustomer()
    {
        // Act
        var (_, plan) = await PlanAsync("Which orders does anna.schmidt@example.de have?");

        // Assert
        var step = Assert.Single(plan.Steps);
        Assert.Contains("WHERE c.email = 'anna.schmidt@example.de'", Input(step, "sql"));
    }

    [Fact]
    public async Task PlanAsync_EmailWithNoKnownRecipient_LeavesTheEmailOut()
    {
        // Act
        var (_, plan) = await PlanAsync("Email the customer our shipping times");

        // Assert
        Assert.Equal(["search_docs"], plan.Steps.Select(s => s.Tool));
    }

    [Theory]
    [InlineData("Tell me something nice", "tell something nice")]
    [InlineData("???", "customer support policies")]
    public async Task PlanAsync_UnmappedGoal_PlansOneSearchWithGoalWords(string goal, string query)
    {
        // Act
        var (_, plan) = await PlanAsync(goal);

        // Assert
        var step = Assert.Single(plan.Steps);
        Assert.Equal("search_docs", step.Tool);
        Assert.Equal(query, Input(step, "query"));
    }

    [Fact]
    public async Task PlanAsync_MaxStepsTwo_KeepsTheFirstTwoSteps()
    {
        // Act
        var (_, plan) = await PlanAsync(SampleShop.DemoGoal, maxSteps: 2);

        // Assert
        Assert.Equal(["search_docs", "query_sql"], plan.Steps.Select(s => s.Tool));
        Assert.Equal(2, plan.MaxSteps);
    }

    [Fact]
    public async Task PlanAsync_BudgetBelowToolCosts_DropsStepsThatWouldExceedIt()
    {
        // Arrange
        var options = new BuiltInToolOptions(SamplePaths.DocsFolder, ShopDatabase.FilePath)
        {
            CreateTicket = new ToolLimits(TimeSpan.FromSeconds(10), 0.009m, 4096),
        };
        var shop = new SampleShop(options);

        // Act
        var (_, plan) = await PlanAsync(SampleShop.DemoGoal, budgetUsd: 0.01m, registry: shop.Registry);

        // Assert
        Assert.Equal(["search_docs", "query_sql"], plan.Steps.Select(s => s.Tool));
    }

    [Fact]
    public async Task PlanAsync_WithoutAsOf_MeasuresAgainstSqliteToday()
    {
        // Arrange
        var planner = new OfflinePlanner(_shop.Registry);

        // Act
        var result = await planner.PlanAsync(new PlanRequest("run-2", "Status of order 1042?", 5, 1m, null), CancellationToken.None);

        // Assert
        Assert.Contains("date('now')", result.RawPlan);
    }
}
