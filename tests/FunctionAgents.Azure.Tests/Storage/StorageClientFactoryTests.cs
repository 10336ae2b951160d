using FunctionAgents.Azure.Storage;

namespace FunctionAgents.Azure.Tests.Storage;

public sealed class StorageClientFactoryTests
{
    private const string Key = "c2VjcmV0LWtleS1ieXRlcy1mb3ItdGVzdGluZy1vbmx5LXNlY3JldC1rZXk=";

    [Fact]
    public void FromSettings_UseDevelopmentStorage_PointsAtTheEmulator()
    {
        // Arrange
        var settings = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" };

        // Act
        var clients = StorageClientFactory.FromSettings(name => settings.GetValueOrDefault(name));

        // Assert
        Assert.Equal(10002, clients.TableEndpoint.Port);
        Assert.Equal(10001, clients.QueueEndpoint.Port);
        Assert.Equal("devstoreaccount1", clients.Tables.AccountName);
    }

    [Fact]
    public void FromConnectionString_AccountKeyAndSuffix_BuildsServiceEndpoints()
    {
        // Arrange
        var text = $"DefaultEndpointsProtocol=https;AccountName=prodacct;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn";

        // Act
        var clients = StorageClientFactory.FromConnectionString(text);

        // Assert
        Assert.Equal(new Uri("https://prodacct.table.core.chinacloudapi.cn/"), clients.TableEndpoint);
        Assert.Equal(new Uri("https://prodacct.queue.core.chinacloudapi.cn/"), clients.QueueEndpoint);
        Assert.DoesNotContain(Key, clients.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromConnectionString_Malformed_ThrowsFormatExceptionWithoutTheKey()
    {
        // Arrange
        var text = $"AccountKey={Key};nonsense";

        // Act
        var ex = Assert.Throws<FormatException>(() => StorageClientFactory.FromConnectionString(text));

        // Assert
        Assert.DoesNotContain(Key, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromSettings_AccountNameWithManagedIdentity_UsesManagedIdentityOnAccountEndpoints()
    {
        // Arrange
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage__accountName"] = "prodacct",
            ["AzureWebJobsStorage__credential"] = "managedidentity",
            ["AzureWebJobsStorage__clientId"] = "00000000-0000-0000-0000-000000000001",
        };

        // Act
        var clients = StorageClientFactory.FromSettings(name => settings.GetValueOrDefault(name));

        // Assert
        Assert.Contains("ManagedIdentityCredential", clients.Authentication, StringComparison.Ordinal);
        Assert.Equal(new Uri("https://prodacct.table.core.windows.net/"), clients.TableEndpoint);
        Assert.Equal(new Uri("https://prodacct.queue.core.windows.net/"), clients.QueueEndpoint);
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
        var clients = StorageClientFactory.FromSettings(name => settings.GetValueOrDefault(name), "Storage");

        // Assert
        Assert.Contains("DefaultAzureCredential", clients.Authentication, StringComparison.Ordinal);
        Assert.Equal("acct2.table.core.windows.net", clients.TableEndpoint.Host);
        Assert.Equal("acct2.queue.core.windows.net", clients.QueueEndpoint.Host);
    }

    [Fact]
    public void FromSettings_Nothing_ThrowsNamingTheSettings()
    {
        // Act
        var ex = Assert.Throws<InvalidOperationException>(() => StorageClientFactory.FromSettings(_ => null));

        // Assert
        Assert.Contains("AzureWebJobsStorage__accountName", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("accountName", "a", "accountName")]
    [InlineData("credential", "password", "password")]
    public void FromSettings_MalformedSetting_ThrowsFormatExceptionNamingIt(string setting, string value, string expected)
    {
        // Arrange
        var settings = new Dictionary<string, string?> { ["AzureWebJobsStorage__accountName"] = "acct", ["AzureWebJobsStorage__" + setting] = value };

        // Act
        var ex = Assert.Throws<FormatException>(() => StorageClientFactory.FromSettings(name => settings.GetValueOrDefault(name)));

        // Assert
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
