using FunctionAgents.Azure.Storage;

namespace FunctionAgents.Azure.Tests.Storage;

public sealed class TableBatchTests
{
    [Fact]
    public void FindFailure_ServiceStyleChangesetError_ReturnsIndexCodeAndStatus()
    {
        // Arrange
        var body = string.Join(
            "\r\n",
            "--batchresponse_1",
            "Content-Type: multipart/mixed; boundary=changesetresponse_2",
            string.Empty,
            "--changesetresponse_2",
            "Content-Type: application/http",
            "Content-Transfer-Encoding: binary",
            string.Empty,
            "HTTP/1.1 409 Conflict",
            "Content-ID: 4",
            "Content-Type: application/json;odata=minimalmetadata;streaming=true;charset=utf-8",
            string.Empty,
            "{\"odata.error\":{\"code\":\"EntityAlreadyExists\",\"message\":{\"lang\":\"en-US\",\"value\":\"3:The specified entity already exists.\\nRequestId:x\\nTime:y\"}}}",
            "--changesetresponse_2--",
            "--batchresponse_1--");

        // Act
        var failure = TableBatch.FindFailure(body);

        // Assert
        Assert.NotNull(failure);
        Assert.Equal(409, failure.Value.Status);
        Assert.Equal("EntityAlreadyExists", failure.Value.Code);
        Assert.Equal(3, failure.Value.Index);
        Assert.Equal("The specified entity already exists.", failure.Value.Message);
    }

    [Fact]
    public void FindFailure_AllSucceeded_ReturnsNull()
    {
        // Arrange
        var body = "--b\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n--c\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n--c\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n--c--\r\n--b--\r\n";

        // Act
        var failure = TableBatch.FindFailure(body);

        // Assert
        Assert.Null(failure);
    }
}
