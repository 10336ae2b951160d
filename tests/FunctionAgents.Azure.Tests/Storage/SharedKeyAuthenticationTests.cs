using Azure.Core;
using Azure.Core.Pipeline;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class SharedKeyAuthenticationTests(AzuriteFixture azurite)
{
    private const string WrongKey = "d3Jvbmcta2V5LXdyb25nLWtleS13cm9uZy1rZXktd3Jvbmcta2V5LXdyb25nLWtleQ==";

    [Fact]
    public async Task CreateTable_WrongAccountKey_Throws403WithCodeAndNoKey()
    {
        // Arrange
        var client = new TableStorageClient(WrongKeyConnection(), AzuriteFixture.FastRetries());

        // Act
        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => client.CreateTableIfNotExistsAsync(AzuriteFixture.NewTableName()));

        // Assert
        Assert.Equal(403, ex.Status);
        Assert.Equal("AuthorizationFailure", ex.ErrorCode);
        Assert.Contains("AuthorizationFailure", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongKey, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(AzuriteProcess.AccountKey, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateQueue_WrongAccountKey_Throws403WithCodeAndNoKey()
    {
        // Arrange
        var client = new QueueStorageClient(WrongKeyConnection(), AzuriteFixture.FastRetries());

        // Act
        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => client.CreateQueueIfNotExistsAsync(AzuriteFixture.NewQueueName()));

        // Assert
        Assert.Equal(403, ex.Status);
        Assert.Equal("AuthenticationFailed", ex.ErrorCode);
        Assert.DoesNotContain(WrongKey, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TableStringToSign_PathStyleEndpoint_IncludesAccountTwice()
    {
        // Arrange
        var key = new SharedKeyCredential("devstoreaccount1", new byte[32]);
        var policy = new SharedKeyAuthenticationPolicy(key, StorageService.Table);
        var request = HttpPipelineBuilder.Build(new StorageClientOptions()).CreateRequest();
        request.Method = RequestMethod.Post;
        request.Uri.Reset(new Uri("http://127.0.0.1:54321/devstoreaccount1/$batch?comp=ignored"));
        request.Headers.SetValue("Content-Type", "multipart/mixed; boundary=b");

        // Act
        var text = policy.TableStringToSign(request, "Mon, 01 Jan 2024 00:00:00 GMT");

        // Assert
        Assert.Equal("POST\n\nmultipart/mixed; boundary=b\nMon, 01 Jan 2024 00:00:00 GMT\n/devstoreaccount1/devstoreaccount1/$batch?comp=ignored", text);
    }

    [Fact]
    public void QueueStringToSign_HeadersAndQuery_AreCanonicalized()
    {
        // Arrange
        var key = new SharedKeyCredential("acct", new byte[32]);
        var policy = new SharedKeyAuthenticationPolicy(key, StorageService.Queue);
        var request = HttpPipelineBuilder.Build(new StorageClientOptions()).CreateRequest();
        request.Method = RequestMethod.Put;
        request.Uri.Reset(new Uri("https://acct.queue.core.windows.net/q/messages/id?visibilitytimeout=5&popreceipt=a%2Bb"));
        request.Headers.SetValue("x-ms-version", "2019-02-02");
        request.Headers.SetValue("X-MS-Date", "Mon, 01 Jan 2024 00:00:00 GMT");
        request.Content = RequestContent.Create(new byte[] { 1, 2, 3 });

        // Act
        var text = policy.QueueStringToSign(request);

        // Assert
        Assert.Equal(
            "PUT\n\n\n3\n\n\n\n\n\n\n\n\nx-ms-date:Mon, 01 Jan 2024 00:00:00 GMT\nx-ms-version:2019-02-02\n/acct/q/messages/id\npopreceipt:a+b\nvisibilitytimeout:5",
            text);
    }

    private StorageConnection WrongKeyConnection() =>
        StorageConnection.Parse(azurite.ConnectionString.Replace(AzuriteProcess.AccountKey, WrongKey, StringComparison.Ordinal));
}
