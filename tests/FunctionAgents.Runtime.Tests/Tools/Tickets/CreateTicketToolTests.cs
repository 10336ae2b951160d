using FunctionAgents.Runtime.Tests.Tools.Fakes;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Tools.Tickets;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Runtime.Tests.Tools.Tickets;

public sealed class CreateTicketToolTests
{
    private readonly InMemoryTicketStore _store = new();
    private readonly ToolExecutor _executor;

    public CreateTicketToolTests()
    {
        var time = new FixedTimeProvider(FixedTimeProvider.Reference);
        _executor = new ToolExecutor(new ToolRegistry([new CreateTicketTool(_store, time)]), time);
    }

    private Task<ToolObservation> CreateAsync(object input, string dispatchId = "run-1:7") =>
        _executor.ExecuteAsync(Invocations.For(input, dispatchId), "create_ticket", CancellationToken.None);

    private static readonly object RefundTicket = new
    {
        title = "Refund request for order 1042",
        body = "Anna Schmidt asks whether order 1042 can still be refunded.",
        priority = "normal",
    };

    [Fact]
    public async Task ExecuteAsync_ValidTicket_StoresItKeyedByDispatchId()
    {
        // Act
        var observation = await CreateAsync(RefundTicket);

        // Assert
        Assert.True(observation.Success, observation.Error?.Message);
        var ticket = Assert.Single(_store.Tickets);
        Assert.Equal("run-1:7", ticket.DispatchId);
        Assert.Equal("run-1", ticket.RunId);
        Assert.Equal("tenant-a", ticket.TenantId);
        Assert.Equal("normal", ticket.Priority);
        Assert.Equal(FixedTimeProvider.Reference, ticket.CreatedAt);
        Assert.Matches("^TCK-[0-9A-F]{10}$", ticket.TicketId);
        var output = observation.Output!.Value;
        Assert.Equal(ticket.TicketId, output.GetProperty("ticketId").GetString());
        Assert.Equal("Refund request for order 1042", output.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ExecuteAsync_RepeatedDispatch_ReturnsSameTicketAndWritesNothingNew()
    {
        // Arrange
        var first = await CreateAsync(RefundTicket);

        // Act
        var second = await CreateAsync(RefundTicket);

        // Assert
        Assert.Equal(
            first.Output!.Value.GetProperty("ticketId").GetString(),
            second.Output!.Value.GetProperty("ticketId").GetString());
        Assert.Single(_store.Tickets);
        Assert.Equal(1, _store.Writes);
    }

    [Fact]
    public async Task ExecuteAsync_DifferentDispatch_CreatesDifferentTicket()
    {
        // Act
        var first = await CreateAsync(RefundTicket, "run-1:7");
        var second = await CreateAsync(RefundTicket, "run-1:11");

        // Assert
        Assert.NotEqual(
            first.Output!.Value.GetProperty("ticketId").GetString(),
            second.Output!.Value.GetProperty("ticketId").GetString());
        Assert.Equal(2, _store.Tickets.Count);
    }

    [Theory]
    [InlineData("{\"title\":\"t\",\"body\":\"b\",\"priority\":\"critical\"}")]
    [InlineData("{\"title\":\"t\",\"body\":\"b\"}")]
    [InlineData("{\"title\":\"\",\"body\":\"b\",\"priority\":\"low\"}")]
    [InlineData("{\"title\":\"t\",\"body\":\"b\",\"priority\":\"low\",\"assignee\":\"bob\"}")]
    public async Task ExecuteAsync_BadInput_ReturnsInvalidInputAndStoresNothing(string json)
    {
        // Act
        var observation = await _executor.ExecuteAsync(Invocations.ForJson(json), "create_ticket", CancellationToken.None);

        // Assert
        Assert.Equal(ToolErrorCodes.InvalidInput, observation.Error!.Code);
        Assert.Empty(_store.Tickets);
    }

    [Fact]
    public async Task ExecuteAsync_TitleTooLong_ReturnsInvalidInput()
    {
        // Act
        var observation = await CreateAsync(new { title = new string('t', 201), body = "b", priority = "low" });

        // Assert
        Assert.Equal(ToolErrorCodes.InvalidInput, observation.Error!.Code);
        Assert.Contains("200", observation.Error.Message);
    }
}
