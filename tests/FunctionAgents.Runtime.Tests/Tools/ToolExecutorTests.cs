using System.Text.Json;
using System.Text;
using FunctionAgents.Runtime.Tests.Tools.Fakes;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Runtime.Tests.Tools;

public sealed class ToolExecutorTests
{
    private static readonly ToolInvocation ValidInput = Invocations.For(new { text = "hello" });

    private static ToolExecutor ExecutorFor(ITool tool, TimeProvider? time = null) =>
        new(new ToolRegistry([tool]), time ?? TimeProvider.System);

    private static StubTool Returning(object output, int cap = 4096) =>
        new("stub", (_, _) => Task.FromResult(JsonSerializer.SerializeToElement(output)), outputCapBytes: cap);

    [Fact]
    public async Task ExecuteAsync_ToolSucceeds_ReturnsOutputAndLatencyFromTimeProvider()
    {
        // Arrange
        var executor = ExecutorFor(Returning(new { answer = 42 }), new FixedTimeProvider(FixedTimeProvider.Reference, TimeSpan.FromMilliseconds(125)));

        // Act
        var observation = await executor.ExecuteAsync(ValidInput, "stub", CancellationToken.None);

        // Assert
        Assert.True(observation.Success);
        Assert.Null(observation.Error);
        Assert.Equal(42, observation.Output!.Value.GetProperty("answer").GetInt32());
        Assert.Equal(125, observation.LatencyMs);
        Assert.False(observation.Truncated);
    }

    [Fact]
    public async Task ExecuteAsync_UnknownTool_ReturnsUnknownToolError()
    {
        // Arrange
        var executor = ExecutorFor(Returning(new { }));

        // Act
        var observation = await executor.ExecuteAsync(ValidInput, "delete_everything", CancellationToken.None);

        // Assert
        Assert.False(observation.Success);
        Assert.Equal(ToolErrorCodes.UnknownTool, observation.Error!.Code);
        Assert.Contains("delete_everything", observation.Error.Message);
    }

    [Fact]
    public async Task ExecuteAsync_InputViolatesSchema_ReturnsInvalidInputListingViolations()
    {
        // Arrange
        var called = false;
        var tool = new StubTool("stub", (_, _) =>
        {
            called = true;
            return Task.FromResult(JsonSerializer.SerializeToElement(new { }));
        });
        var executor = ExecutorFor(tool);

        // Act
        var observation = await executor.ExecuteAsync(Invocations.For(new { text = 3, extra = true }), "stub", CancellationToken.None);

        // Assert
        Assert.False(observation.Success);
        Assert.Equal(ToolErrorCodes.InvalidInput, observation.Error!.Code);
        Assert.Contains("$.text", observation.Error.Message);
        Assert.Contains("$.extra", observation.Error.Message);
        Assert.False(called);
    }

    [Fact]
    public async Task ExecuteAsync_ToolThrows_ReturnsToolErrorWithMessageOnly()
    {
        // Arrange
        var tool = new StubTool("stub", (_, _) => throw new InvalidOperationException("disk on fire"));
        var executor = ExecutorFor(tool);

        // Act
        var observation = await executor.ExecuteAsync(ValidInput, "stub", CancellationToken.None);

        // Assert
        Assert.False(observation.Success);
        Assert.Equal(ToolErrorCodes.ToolFailure, observation.Error!.Code);
        Assert.Equal("disk on fire", observation.Error.Message);
        Assert.DoesNotContain(" at ", observation.Error.Message);
    }

    [Fact]
    public async Task ExecuteAsync_ToolFaultsAsynchronously_ReturnsToolError()
    {
        // Arrange
        var tool = new StubTool("stub", async (_, ct) =>
        {
            await Task.Yield();
            throw new IOException("connection reset");
        });
        var executor = ExecutorFor(tool);

        // Act
        var observation = await executor.ExecuteAsync(ValidInput, "stub", CancellationToken.None);

        // Assert
        Assert.Equal(ToolErrorCodes.ToolFailure, observation.Error!.Code);
        Assert.Equal("connection reset", observation.Error.Message);
    }

    [Fact]
    public async Task ExecuteAsync_ToolRefuses_ReturnsRefused()
    {
        // Arrange
        var tool = new StubTool("stub", (_, _) => throw new ToolRefusedException("not on my watch"));
        var executor = ExecutorFor(tool);

        // Act
        var observation = await executor.ExecuteAsync(ValidInput, "stub", CancellationToken.None);

        // Assert
        Assert.Equal(ToolErrorCodes.Refused, observation.Error!.Code);
        Assert.Equal("not on my watch", observation.Error.Message);
    }

    [Fact]
    public async Task ExecuteAsync_SlowToolHonouringToken_ReturnsTimeout()
    {
        // Arrange
        var tool = new StubTool("stub", async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return default;
        }, TimeSpan.FromMilliseconds(200));
        var executor = ExecutorFor(tool);

        // Act
        var observation = await executor.ExecuteAsync(ValidInput, "stub", CancellationToken.None);

        // Assert
        Assert.False(observation.Success);
        Assert.Equal(ToolErrorCodes.Timeout, observation.Error!.Code);
        Assert.Contains("0.2 s", observation.Error.Message);
    }

    [Fact]
    public async Task ExecuteAsync_ToolBlocksIgnoringToken_StillReturnsTimeout()
    {
        // Arrange
        using var release = new ManualResetEventSlim();
        var tool = new StubTool("stub", (_, _) =>
        {
            // Blocks its thread before returning a task and never looks at the token.
            release.Wait(TimeSpan.FromSeconds(30), CancellationToken.None);
            return Task.FromResult(JsonSerializer.SerializeToElement(new { late = true }));
        }, TimeSpan.FromMilliseconds(200));
        var executor = ExecutorFor(tool);

        // Act
        var observation = await executor.ExecuteAsync(ValidInput, "stub", CancellationToken.None);
        release.Set();

        // Assert
        Assert.Equal(ToolErrorCodes.Timeout, observation.Error!.Code);
        Assert.Null(observation.Output);
    }

    [Fact]
    public async Task ExecuteAsync_CallerCancels_ReturnsCancelledInsteadOfThrowing()
    {
        // Arrange
        var started = new TaskCompletionSource();
        var tool = new StubTool("stub", async (_, _) =>
        {
            started.SetResult();
            await Task.Delay(TimeSpan.FromSeconds(30), CancellationToken.None);
            return default;
        });
        var executor = ExecutorFor(tool);
        using var cts = new CancellationTokenSource();

        // Act
        var pending = executor.ExecuteAsync(ValidInput, "stub", cts.Token);
        await started.Task;
        await cts.CancelAsync();
        var observation = await pending;

        // Assert
        Assert.Equal(ToolErrorCodes.Cancelled, observation.Error!.Code);
    }

    [Fact]
    public async Task ExecuteAsync_AlreadyCancelled_ReturnsCancelledWithoutStartingTheTool()
    {
        // Arrange
        var called = false;
        var tool = new StubTool("stub", (_, _) =>
        {
            called = true;
            return Task.FromResult(JsonSerializer.SerializeToElement(new { }));
        });
        var executor = ExecutorFor(tool);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        // Act
        var observation = await executor.ExecuteAsync(ValidInput, "stub", cts.Token);

        // Assert
        Assert.Equal(ToolErrorCodes.Cancelled, observation.Error!.Code);
        Assert.False(called);
    }

    [Fact]
    public async Task ExecuteAsync_ToolThrowsOperationCanceledOnItsOwn_ReturnsToolError()
    {
        // Arrange
        var tool = new StubTool("stub", (_, _) => throw new OperationCanceledException("upstream gave up"));
        var executor = ExecutorFor(tool);

        // Act
        var observation = await executor.ExecuteAsync(ValidInput, "stub", CancellationToken.None);

        // Assert
        Assert.Equal(ToolErrorCodes.ToolFailure, observation.Error!.Code);
    }

    [Fact]
    public async Task ExecuteAsync_ResultsOverCap_KeepsPrefixOfItemsAndMarksTruncated()
    {
        // Arrange
        var results = Enumerable.Range(1, 50).Select(i => new { id = i, text = new string('x', 40) }).ToArray();
        var executor = ExecutorFor(Returning(new { query = "q", results }, cap: 600));

        // Act
        var observation = await executor.ExecuteAsync(ValidInput, "stub", CancellationToken.None);

        // Assert
        Assert.True(observation.Success);
        Assert.True(observation.Truncated);
        var output = observation.Output!.Value;
        Assert.True(JsonSerializer.SerializeToUtf8Bytes(output).Length <= 600);
        var kept = output.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ToList();
        Assert.NotEmpty(kept);
        Assert.Equal(Enumerable.Range(1, kept.Count), kept);
        Assert.Equal("q", output.GetProperty("query").GetString());
        Assert.True(output.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task ExecuteAsync_ResultsOverCap_KeepsTheLargestPrefixThatFits()
    {
        // Arrange
        var results = Enumerable.Range(1, 50).Select(i => new { id = i, text = new string('x', 40) }).ToArray();
        var executor = ExecutorFor(Returning(new { results }, cap: 600));

        // Act
        var observation = await executor.ExecuteAsync(ValidInput, "stub", CancellationToken.None);

        // Assert: one more item would not have fitted.
        var kept = observation.Output!.Value.GetProperty("results").GetArrayLength();
        var oneMore = new { results = results.Take(kept + 1).ToArray(), truncated = true };
        Assert.True(JsonSerializer.SerializeToUtf8Bytes(oneMore).Length > 600);
    }

    [Fact]
    public async Task ExecuteAsync_NonListOutputOverCap_ReturnsCutStringWithinCap()
    {
        // Arrange
        var executor = ExecutorFor(Returning(new { blob = new string('é', 5000) }, cap: 256));

        // Act
        var observation = await executor.ExecuteAsync(ValidInput, "stub", CancellationToken.None);

        // Assert
        Assert.True(observation.Truncated);
        var output = observation.Output!.Value;
        Assert.Equal(JsonValueKind.String, output.ValueKind);
        Assert.StartsWith("{\"blob\":", output.GetString());
        var size = JsonSerializer.SerializeToUtf8Bytes(output).Length;
        Assert.InRange(size, 200, 256);
    }

    [Fact]
    public async Task ExecuteAsync_OutputUnderCap_IsNotTruncated()
    {
        // Arrange
        var executor = ExecutorFor(Returning(new { results = new[] { 1, 2, 3 } }, cap: 64));

        // Act
        var observation = await executor.ExecuteAsync(ValidInput, "stub", CancellationToken.None);

        // Assert
        Assert.False(observation.Truncated);
        Assert.Equal(3, observation.Output!.Value.GetProperty("results").GetArrayLength());
        Assert.False(observation.Output.Value.TryGetProperty("truncated", out _));
        Assert.Equal("{\"results\":[1,2,3]}", Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(observation.Output.Value)));
    }
}
