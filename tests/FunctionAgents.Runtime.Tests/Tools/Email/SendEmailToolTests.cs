using FunctionAgents.Runtime.Tests.Tools.Fakes;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Tools.Email;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Runtime.Tests.Tools.Email;

public sealed class SendEmailToolTests
{
    private readonly InMemoryEmailOutbox _outbox = new();
    private readonly SendEmailTool _tool;
    private readonly ToolExecutor _executor;

    public SendEmailToolTests()
    {
        var time = new FixedTimeProvider(FixedTimeProvider.Reference);
        _tool = new SendEmailTool(_outbox, time);
        _executor = new ToolExecutor(new ToolRegistry([_tool]), time);
    }

    private Task<ToolObservation> SendAsync(object input, string dispatchId = "run-1:9") =>
        _executor.ExecuteAsync(Invocations.For(input, dispatchId), "send_email", CancellationToken.None);

    private static object Email(string to = "anna.schmidt@example.de") => new
    {
        to,
        subject = "Your refund question about order 1042",
        body = "Dear Anna, your order 1042 is within our 30-day refund window.",
    };

    [Fact]
    public async Task ExecuteAsync_ValidEmail_QueuesItInTheOutbox()
    {
        // Act
        var observation = await SendAsync(Email());

        // Assert
        Assert.True(observation.Success, observation.Error?.Message);
        var queued = Assert.Single(_outbox.Emails);
        Assert.Equal("anna.schmidt@example.de", queued.To);
        Assert.Equal("run-1:9", queued.DispatchId);
        Assert.Equal(FixedTimeProvider.Reference, queued.QueuedAt);
        Assert.Matches("^MSG-[0-9A-F]{10}$", queued.MessageId);
        var output = observation.Output!.Value;
        Assert.Equal(queued.MessageId, output.GetProperty("messageId").GetString());
        Assert.Equal("queued", output.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ExecuteAsync_RepeatedDispatch_ReturnsSameMessageAndQueuesNothingNew()
    {
        // Arrange
        var first = await SendAsync(Email());

        // Act
        var second = await SendAsync(Email());

        // Assert
        Assert.Equal(
            first.Output!.Value.GetProperty("messageId").GetString(),
            second.Output!.Value.GetProperty("messageId").GetString());
        Assert.Single(_outbox.Emails);
        Assert.Equal(1, _outbox.Writes);
    }

    [Theory]
    [InlineData("anna.schmidt@example.de, bob@example.fr")]
    [InlineData("not-an-address")]
    [InlineData("{{steps.s2.output.rows[0].email}}")]
    public async Task ExecuteAsync_ToIsNotOneAddress_ReturnsInvalidInput(string to)
    {
        // Act
        var observation = await SendAsync(Email(to));

        // Assert
        Assert.Equal(ToolErrorCodes.InvalidInput, observation.Error!.Code);
        Assert.Empty(_outbox.Emails);
    }

    [Fact]
    public async Task ExecuteAsync_CalledDirectlyWithUnresolvedReference_ThrowsToolInputException()
    {
        // Arrange: the schema is bypassed, so the tool's own check must catch it.
        var invocation = Invocations.For(new { to = "{{steps.s2.output.rows[0].email}}@x.example", subject = "s", body = "b" });

        // Act / Assert
        await Assert.ThrowsAsync<ToolInputException>(() => _tool.ExecuteAsync(invocation, CancellationToken.None));
    }
}
