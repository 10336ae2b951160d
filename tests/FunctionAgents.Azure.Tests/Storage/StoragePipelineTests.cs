using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Storage;

/// <summary>Retry, classification and authentication of the pipeline, against a fake transport (no Azurite).</summary>
public sealed class StoragePipelineTests
{
    private const string ConnectionString =
        "DefaultEndpointsProtocol=http;AccountName=acct;AccountKey=c2VjcmV0LWtleS1ieXRlcy1mb3ItdGVzdGluZw==;" +
        "TableEndpoint=http://127.0.0.1:54321/acct;QueueEndpoint=http://127.0.0.1:54322/acct";

    [Fact]
    public async Task CreateTable_PolicyInjectsTwo503s_RetriesAndSucceeds()
    {
        // Arrange
        var fault = FaultInjectionPolicy.Status(503, failures: 2, errorCode: "ServerBusy");
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        var client = new TableStorageClient(StorageConnection.Parse(ConnectionString), Options(handler, fault));

        // Act
        var created = await client.CreateTableIfNotExistsAsync("Events");

        // Assert
        Assert.True(created);
        Assert.Equal(3, fault.Attempts);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task SendMessage_NetworkErrorThenSuccess_Retries()
    {
        // Arrange
        var fault = FaultInjectionPolicy.Throw(() => new HttpRequestException("connection reset"), failures: 1);
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent(SentXml) });
        var client = new QueueStorageClient(StorageConnection.Parse(ConnectionString), Options(handler, fault));

        // Act
        var receipt = await client.SendMessageAsync("agent-runs", "hello");

        // Assert
        Assert.Equal(2, fault.Attempts);
        Assert.Equal("m-1", receipt.MessageId);
    }

    [Fact]
    public async Task CreateTable_TransportAnswers503Twice_RetriesThroughTheRealTransport()
    {
        // Arrange
        var calls = 0;
        var handler = new RecordingHandler(_ => ++calls <= 2 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : new HttpResponseMessage(HttpStatusCode.NoContent));
        var client = new TableStorageClient(StorageConnection.Parse(ConnectionString), Options(handler));

        // Act
        var created = await client.CreateTableIfNotExistsAsync("Events");

        // Assert
        Assert.True(created);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Theory]
    [InlineData(400, "InvalidInput")]
    [InlineData(502, null)]
    [InlineData(504, null)]
    public async Task CreateTable_NonRetriableStatus_ExactlyOneAttempt(int status, string? code)
    {
        // Arrange
        var fault = FaultInjectionPolicy.Status(status, failures: 10, errorCode: code);
        var handler = new RecordingHandler();
        var client = new TableStorageClient(StorageConnection.Parse(ConnectionString), Options(handler, fault));

        // Act
        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => client.CreateTableIfNotExistsAsync("Events"));

        // Assert
        Assert.Equal(1, fault.Attempts);
        Assert.Equal(status, ex.Status);
        Assert.Equal(code, ex.ErrorCode);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task CreateTable_Transport502_ExactlyOneRequest()
    {
        // Arrange
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.BadGateway));
        var client = new TableStorageClient(StorageConnection.Parse(ConnectionString), Options(handler));

        // Act
        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => client.CreateTableIfNotExistsAsync("Events"));

        // Assert
        Assert.Equal(502, ex.Status);
        Assert.Single(handler.Requests);
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
        var options = Options(new RecordingHandler(), fault);
        options.MaxAttempts = 3;
        var client = new TableStorageClient(StorageConnection.Parse(ConnectionString), options);

        // Act
        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => client.CreateTableIfNotExistsAsync("Events"));

        // Assert
        Assert.Equal(3, fault.Attempts);
        Assert.Equal(status, ex.Status);
    }

    [Fact]
    public async Task CreateTable_NetworkErrorEveryTime_ThrowsStorageRequestExceptionWithStatusZero()
    {
        // Arrange
        var fault = FaultInjectionPolicy.Throw(() => new IOException("broken pipe"), failures: 100);
        var options = Options(new RecordingHandler(), fault);
        options.MaxAttempts = 2;
        var client = new TableStorageClient(StorageConnection.Parse(ConnectionString), options);

        // Act
        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => client.CreateTableIfNotExistsAsync("Events"));

        // Assert
        Assert.Equal(0, ex.Status);
        Assert.Equal(2, fault.Attempts);
        Assert.Contains("no response", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SharedKey_Request_CarriesSignatureDateAndVersion()
    {
        // Arrange
        var handler = new RecordingHandler();
        var client = new TableStorageClient(StorageConnection.Parse(ConnectionString), Options(handler));

        // Act
        await client.CreateTableIfNotExistsAsync("Events");

        // Assert
        var request = Assert.Single(handler.Requests);
        Assert.Equal("SharedKey", request.Headers.Authorization?.Scheme);
        Assert.StartsWith("acct:", request.Headers.Authorization?.Parameter, StringComparison.Ordinal);
        Assert.True(request.Headers.Contains("x-ms-date"));
        Assert.Equal(TableStorageClient.ServiceVersion, request.Headers.GetValues("x-ms-version").Single());
        Assert.Equal(new Uri("http://127.0.0.1:54321/acct/Tables"), request.RequestUri);
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
    public async Task TokenCredential_TableRequest_CarriesBearerTokenForStorageScope()
    {
        // Arrange
        var credential = new FakeTokenCredential("fake-token");
        var handler = new RecordingHandler();
        var client = new TableStorageClient(StorageConnection.FromTokenCredential("myaccount", credential), Options(handler));

        // Act
        await client.CreateTableIfNotExistsAsync("Events");

        // Assert
        var request = Assert.Single(handler.Requests);
        Assert.Equal("Bearer", request.Headers.Authorization?.Scheme);
        Assert.Equal("fake-token", request.Headers.Authorization?.Parameter);
        Assert.Equal(new Uri("https://myaccount.table.core.windows.net/Tables"), request.RequestUri);
        Assert.Equal(["https://storage.azure.com/.default"], Assert.Single(credential.Requests).Scopes);
        Assert.False(request.Headers.Contains("x-ms-date") && request.Headers.Authorization?.Scheme == "SharedKey");
    }

    [Fact]
    public async Task TokenCredential_QueueRequest_CarriesBearerToken()
    {
        // Arrange
        var credential = new FakeTokenCredential("queue-token");
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.Created));
        var connection = StorageConnection.FromTokenCredential(
            new Uri("https://acct.table.core.windows.net"), new Uri("https://acct.queue.core.windows.net"), credential);

        // Act
        await new QueueStorageClient(connection, Options(handler)).CreateQueueIfNotExistsAsync("agent-runs");

        // Assert
        var request = Assert.Single(handler.Requests);
        Assert.Equal("Bearer queue-token", request.Headers.Authorization?.ToString());
        Assert.Equal(new Uri("https://acct.queue.core.windows.net/agent-runs"), request.RequestUri);
    }

    private const string SentXml =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><QueueMessagesList><QueueMessage><MessageId>m-1</MessageId>" +
        "<InsertionTime>Mon, 01 Jan 2024 00:00:00 GMT</InsertionTime><ExpirationTime>Mon, 08 Jan 2024 00:00:00 GMT</ExpirationTime>" +
        "<PopReceipt>r-1</PopReceipt><TimeNextVisible>Mon, 01 Jan 2024 00:00:00 GMT</TimeNextVisible></QueueMessage></QueueMessagesList>";

    private static StorageClientOptions Options(RecordingHandler handler, HttpPipelinePolicy? policy = null)
    {
        var options = AzuriteFixture.FastRetries();
        options.Transport = new HttpClientTransport(new HttpClient(handler));
        if (policy is not null)
        {
            options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        return options;
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
