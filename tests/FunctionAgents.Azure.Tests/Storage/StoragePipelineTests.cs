using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class StoragePipelineTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CreateTable_Two503sThenSuccess_RetriesAndSucceeds()
    {
        // Arrange
        var fault = FaultInjectionPolicy.Status(503, failures: 2, errorCode: "ServerBusy");
        var options = AzuriteFixture.FastRetries();
        options.AddPolicy(fault, HttpPipelinePosition.PerRetry);
        var client = azurite.CreateTableClient(options);
        var table = AzuriteFixture.NewTableName();

        // Act
        var created = await client.CreateTableIfNotExistsAsync(table);

        // Assert
        Assert.True(created);
        Assert.Equal(3, fault.Attempts);
    }

    [Fact]
    public async Task SendMessage_NetworkErrorThenSuccess_Retries()
    {
        // Arrange
        var queue = AzuriteFixture.NewQueueName();
        await azurite.CreateQueueClient().CreateQueueIfNotExistsAsync(queue);
        var fault = FaultInjectionPolicy.Throw(() => new HttpRequestException("connection reset"), failures: 1);
        var options = AzuriteFixture.FastRetries();
        options.AddPolicy(fault, HttpPipelinePosition.PerRetry);

        // Act
        await azurite.CreateQueueClient(options).SendMessageAsync(queue, "hello");

        // Assert
        Assert.Equal(2, fault.Attempts);
        Assert.Equal(1, await azurite.CreateQueueClient().GetApproximateMessageCountAsync(queue));
    }

    [Theory]
    [InlineData(400, "InvalidInput")]
    [InlineData(502, null)]
    [InlineData(504, null)]
    public async Task CreateTable_NonRetriableStatus_ExactlyOneAttempt(int status, string? code)
    {
        // Arrange
        var fault = FaultInjectionPolicy.Status(status, failures: 10, errorCode: code);
        var options = AzuriteFixture.FastRetries();
        options.AddPolicy(fault, HttpPipelinePosition.PerRetry);
        var client = azurite.CreateTableClient(options);

        // Act
        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => client.CreateTableIfNotExistsAsync(AzuriteFixture.NewTableName()));

        // Assert
        Assert.Equal(1, fault.Attempts);
        Assert.Equal(status, ex.Status);
        Assert.Equal(code, ex.ErrorCode);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task CreateTable_RetriableStatusForever_StopsAfterMaxAttempts(int status)
    {
        // Arrange
        var fault = FaultInjectionPolicy.Status(status, failures: 100);
        var options = AzuriteFixture.FastRetries();
        options.MaxAttempts = 3;
        options.AddPolicy(fault, HttpPipelinePosition.PerRetry);
        var client = azurite.CreateTableClient(options);

        // Act
        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => client.CreateTableIfNotExistsAsync(AzuriteFixture.NewTableName()));

        // Assert
        Assert.Equal(3, fault.Attempts);
        Assert.Equal(status, ex.Status);
    }

    [Fact]
    public void StorageClientOptions_Defaults_FiveAttempts()
    {
        // Arrange
        var options = new StorageClientOptions();

        // Act
        var attempts = options.MaxAttempts;

        // Assert
        Assert.Equal(5, attempts);
        Assert.Equal(4, options.Retry.MaxRetries);
        Assert.Equal(RetryMode.Exponential, options.Retry.Mode);
    }

    [Fact]
    public async Task TokenCredential_Request_CarriesBearerTokenForStorageScope()
    {
        // Arrange
        var credential = new FakeTokenCredential("fake-token");
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        var options = new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) };
        var connection = StorageConnection.FromTokenCredential("myaccount", credential);
        var client = new TableStorageClient(connection, options);

        // Act
        await client.CreateTableIfNotExistsAsync("Events");

        // Assert
        var request = Assert.Single(handler.Requests);
        Assert.Equal("Bearer", request.Headers.Authorization?.Scheme);
        Assert.Equal("fake-token", request.Headers.Authorization?.Parameter);
        Assert.Equal(new Uri("https://myaccount.table.core.windows.net/Tables"), request.RequestUri);
        Assert.Equal(["https://storage.azure.com/.default"], Assert.Single(credential.Requests).Scopes);
        Assert.True(request.Headers.Contains("x-ms-version"));
    }

    [Fact]
    public async Task TokenCredential_QueueRequest_CarriesBearerToken()
    {
        // Arrange
        var credential = new FakeTokenCredential("queue-token");
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.Created));
        var options = new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) };
        var connection = StorageConnection.FromTokenCredential(
            new Uri("https://acct.table.core.windows.net"), new Uri("https://acct.queue.core.windows.net"), credential);

        // Act
        await new QueueStorageClient(connection, options).CreateQueueIfNotExistsAsync("agent-runs");

        // Assert
        var request = Assert.Single(handler.Requests);
        Assert.Equal("Bearer queue-token", request.Headers.Authorization?.ToString());
        Assert.Equal(new Uri("https://acct.queue.core.windows.net/agent-runs"), request.RequestUri);
    }

    private sealed class FakeTokenCredential(string token) : TokenCredential
    {
        public List<TokenRequestContext> Requests { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Requests.Add(requestContext);
            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
