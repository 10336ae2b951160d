using Azure.Core;
using Azure.Identity;
using FunctionAgents.Azure.Storage;

namespace FunctionAgents.Azure.Tests.Storage;

public sealed class StorageConnectionTests
{
    private const string Key = "c2VjcmV0LWtleS1ieXRlcy1mb3ItdGVzdGluZy1vbmx5LXNlY3JldC1rZXk=";

    [Fact]
    public void Parse_UseDevelopmentStorage_UsesAzuriteDefaults()
    {
        // Arrange
        const string text = "UseDevelopmentStorage=true";

        // Act
        var connection = StorageConnection.Parse(text);

        // Assert
        Assert.Equal("devstoreaccount1", connection.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), connection.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), connection.QueueEndpoint);
        Assert.True(connection.UsesSharedKey);
    }

    [Fact]
    public void Parse_AccountKeyAndSuffix_BuildsServiceEndpoints()
    {
        // Arrange
        var text = $"DefaultEndpointsProtocol=https;AccountName=prodacct;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn";

        // Act
        var connection = StorageConnection.Parse(text);

        // Assert
        Assert.Equal("prodacct", connection.AccountName);
        Assert.Equal(new Uri("https://prodacct.table.core.chinacloudapi.cn"), connection.TableEndpoint);
        Assert.Equal(new Uri("https://prodacct.queue.core.chinacloudapi.cn"), connection.QueueEndpoint);
    }

    [Fact]
    public void Parse_ExplicitEndpoints_OverrideDefaults()
    {
        // Arrange
        var text = $"AccountName=devstoreaccount1;AccountKey={Key};TableEndpoint=http://127.0.0.1:54321/devstoreaccount1/;QueueEndpoint=http://127.0.0.1:54322/devstoreaccount1";

        // Act
        var connection = StorageConnection.Parse(text);

        // Assert
        Assert.Equal(new Uri("http://127.0.0.1:54321/devstoreaccount1"), connection.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:54322/devstoreaccount1"), connection.QueueEndpoint);
    }

    [Fact]
    public void ToString_SharedKey_NeverShowsTheKey()
    {
        // Arrange
        var connection = StorageConnection.Parse($"AccountName=a1;AccountKey={Key}");

        // Act
        var text = connection.ToString();

        // Assert
        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
        Assert.Contains("SharedKey", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AccountName=a1", "lacks AccountKey")]
    [InlineData("AccountKey=c2VjcmV0", "lacks AccountName")]
    [InlineData("AccountName=a1;AccountKey=not*base64!secret", "not valid Base64")]
    [InlineData("AccountName=a1;AccountKey=c2VjcmV0;Bogus=1", "unknown setting 'Bogus'")]
    [InlineData("AccountName=a1;SharedAccessSignature=sv=1", "not supported")]
    [InlineData("UseDevelopmentStorage=false", "must be 'true'")]
    [InlineData("just text", "Name=Value")]
    public void Parse_Malformed_ThrowsFormatExceptionNamingProblemWithoutSecret(string text, string expected)
    {
        // Arrange
        var parse = () => StorageConnection.Parse(text);

        // Act
        var ex = Assert.Throws<FormatException>(parse);

        // Assert
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not*base64!secret", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromSettings_ConnectionString_ParsesIt()
    {
        // Arrange
        var settings = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" };

        // Act
        var connection = StorageConnectionFactory.FromSettings(settings);

        // Assert
        Assert.True(connection.UsesSharedKey);
        Assert.Equal("devstoreaccount1", connection.AccountName);
    }

    [Fact]
    public void FromSettings_AccountNameWithManagedIdentity_UsesUserAssignedIdentity()
    {
        // Arrange
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage__accountName"] = "prodacct",
            ["AzureWebJobsStorage__credential"] = "managedidentity",
            ["AzureWebJobsStorage__clientId"] = "00000000-0000-0000-0000-000000000001",
        };

        // Act
        var connection = StorageConnectionFactory.FromSettings(settings);

        // Assert
        Assert.False(connection.UsesSharedKey);
        Assert.IsType<ManagedIdentityCredential>(connection.TokenCredential);
        Assert.Equal(new Uri("https://prodacct.table.core.windows.net"), connection.TableEndpoint);
        Assert.Equal(new Uri("https://prodacct.queue.core.windows.net"), connection.QueueEndpoint);
        Assert.Equal("prodacct", connection.AccountName);
    }

    [Fact]
    public void FromSettings_ServiceUrisWithColonSeparator_UsesDefaultAzureCredential()
    {
        // Arrange
        var settings = new Dictionary<string, string?>
        {
            ["Storage:tableServiceUri"] = "https://acct2.table.core.windows.net/",
            ["Storage:queueServiceUri"] = "https://acct2.queue.core.windows.net",
        };

        // Act
        var connection = StorageConnectionFactory.FromSettings(settings, "Storage");

        // Assert
        Assert.IsType<DefaultAzureCredential>(connection.TokenCredential);
        Assert.Equal(new Uri("https://acct2.table.core.windows.net"), connection.TableEndpoint);
        Assert.Equal("acct2", connection.AccountName);
    }

    [Fact]
    public void FromSettings_Nothing_ThrowsNamingTheSettings()
    {
        // Arrange
        var settings = new Dictionary<string, string?>();

        // Act
        var ex = Assert.Throws<InvalidOperationException>(() => StorageConnectionFactory.FromSettings(settings));

        // Assert
        Assert.Contains("AzureWebJobsStorage__accountName", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromSettings_UnknownCredentialKind_ThrowsFormatException()
    {
        // Arrange
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage__accountName"] = "a",
            ["AzureWebJobsStorage__credential"] = "password",
        };

        // Act
        var ex = Assert.Throws<FormatException>(() => StorageConnectionFactory.FromSettings(settings));

        // Assert
        Assert.Contains("password", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromTokenCredential_AccountName_ToStringNamesTokenAuth()
    {
        // Arrange
        TokenCredential credential = new DefaultAzureCredential();

        // Act
        var connection = StorageConnection.FromTokenCredential("acct", credential);

        // Assert
        Assert.Contains("TokenCredential", connection.ToString(), StringComparison.Ordinal);
    }
}
