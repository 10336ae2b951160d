using System.Text.Json;
using FunctionAgents.Runtime.Runs;

namespace FunctionAgents.Host.Tests.Hosting;

public sealed class StartRunJsonTests
{
    [Fact]
    public void ReadBody_AllFields_BuildsTheRequest()
    {
        using var json = JsonDocument.Parse("""{"goal":" refund? ","maxSteps":4,"budgetUsd":0.5,"correlationId":"c-1","metadata":{"channel":"web"}}""");

        var request = StartRunJson.ReadBody(json.RootElement, "acme", "key-1", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", out var errors);

        Assert.Empty(errors);
        Assert.NotNull(request);
        Assert.Equal(("acme", " refund? ", 4, 0.5m, "c-1", "key-1", "http"), (request.TenantId, request.Goal, request.MaxSteps!.Value, request.BudgetUsd!.Value, request.CorrelationId, request.IdempotencyKey, request.Source));
        Assert.Equal("web", request.Metadata!["channel"]);
        Assert.NotNull(request.TraceParent);
    }

    [Fact]
    public void ReadBody_NullOptionalFields_AreAbsent()
    {
        using var json = JsonDocument.Parse("""{"goal":"refund?","maxSteps":null,"metadata":null}""");

        var request = StartRunJson.ReadBody(json.RootElement, "acme", null, "garbage", out var errors);

        Assert.Empty(errors);
        Assert.Null(request!.MaxSteps);
        Assert.Null(request.TraceParent);
    }

    [Fact]
    public void ReadBody_SeveralProblems_ReportsEachFieldOnce()
    {
        using var json = JsonDocument.Parse("""{"goal":7,"maxSteps":"x","tenant":"acme","budgetUsd":99}""");

        var request = StartRunJson.ReadBody(json.RootElement, "acme", null, null, out var errors);

        Assert.Null(request);
        Assert.Equal(["budgetUsd", "goal", "maxSteps", "tenant"], errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void ReadMessage_TenantAndKeyFromTheBody_BuildsAQueueRequest()
    {
        using var json = JsonDocument.Parse("""{"tenant":"acme","goal":"refund?","idempotencyKey":"k-1"}""");

        var request = StartRunJson.ReadMessage(json.RootElement, out var errors);

        Assert.Empty(errors);
        Assert.Equal(("acme", "k-1", "queue"), (request!.TenantId, request.IdempotencyKey, request.Source));
    }

    [Theory]
    [InlineData("""{"goal":"g","budgetUsd":1e308}""", "budgetUsd", "must be between", "was 1e308")]
    [InlineData("""{"goal":"g","budgetUsd":"1"}""", "budgetUsd", "must be a number, was a string", "")]
    [InlineData("""{"goal":"g","maxSteps":2.5}""", "maxSteps", "must be an integer between", "was 2.5")]
    [InlineData("""{"goal":"g","maxSteps":1e308}""", "maxSteps", "must be an integer between", "was 1e308")]
    public void ReadBody_NumberOutOfRange_NamesTheRangeNotTheType(string body, string field, string reason, string value)
    {
        using var json = JsonDocument.Parse(body);

        var request = StartRunJson.ReadBody(json.RootElement, "acme", null, null, out var errors);

        Assert.Null(request);
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"goal":"\ud800"}""", "goal")]
    [InlineData("""{"goal":"g","correlationId":"\udfff x"}""", "correlationId")]
    [InlineData("""{"goal":"g","metadata":{"k":"\ud83d"}}""", "metadata.k")]
    public void ReadBody_LoneSurrogate_IsAFieldErrorNotAnException(string body, string field)
    {
        using var json = JsonDocument.Parse(body);

        var request = StartRunJson.ReadBody(json.RootElement, "acme", null, null, out var errors);

        Assert.Null(request);
        Assert.Contains(errors, e => e.Field == field && e.Message.Contains("lone surrogate", StringComparison.Ordinal));
    }
}
