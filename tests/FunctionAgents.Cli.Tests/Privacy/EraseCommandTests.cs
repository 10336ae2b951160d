using Azure.Data.Tables;
using FunctionAgents.Azure.Privacy;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Cli.Tests.Support;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Testing;

namespace FunctionAgents.Cli.Tests.Privacy;

/// <summary><c>fa erase</c> and the erasures section of <c>fa audit</c>, against Azurite.</summary>
public sealed partial class EraseCommandTests : IClassFixture<AzuriteFixture>
{
    private const string AdminKey = "admin-key-0123456789abcdef";
    private readonly AzuriteFixture _azurite;
    private readonly string _prefix = "c" + Guid.NewGuid().ToString("N")[..10];

    public EraseCommandTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task Erase_WithoutAnAdminKey_ExitsTwoWithTheReason()
    {
        // Act
        var result = await Fa.RunAsync(["erase", "--subject", "anna@example.de", "--tenant", "alpha", "--storage", _azurite.ConnectionString], Settings(withKey: false));

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("admin key", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erase_UnknownSubject_ExitsOne()
    {
        // Act
        var result = await Fa.RunAsync(["erase", "--subject", "nobody@example.de", "--tenant", "alpha", "--storage", _azurite.ConnectionString], Settings());

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no personal data of this subject", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erase_KnownSubjectTwice_ErasedThenAlreadyErasedAndTheAuditListsIt()
    {
        // Arrange: a subject with a key, as a run of the host would leave it
        var keys = KeyStore();
        await keys.GetOrCreateAsync("alpha", "anna@example.de", "run-1");
        await new TableServiceClient(_azurite.ConnectionString).CreateTableIfNotExistsAsync(_prefix + "AgentAudit");
        string[] erase = ["erase", "--subject", "Anna@Example.de", "--tenant", "alpha", "--storage", _azurite.ConnectionString];

        // Act
        var first = await Fa.RunAsync(erase, Settings());
        var second = await Fa.RunAsync(erase, Settings());
        var audit = await Fa.RunAsync(["audit", "--tenant", "alpha", "--storage", _azurite.ConnectionString], Settings());

        // Assert
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("erased at", first.Output, StringComparison.Ordinal);
        Assert.Contains("by admin:ops: 1 key(s) destroyed, 1 run(s) now read [erased]: run-1", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("already erased", second.Output, StringComparison.Ordinal);
        Assert.True(audit.ExitCode == 0, audit.Error);
        Assert.Contains("Erasures (1):", audit.Output, StringComparison.Ordinal);
        Assert.Contains("runs run-1", audit.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("anna", audit.Output, StringComparison.OrdinalIgnoreCase);
    }

    private Dictionary<string, string> Settings(bool withKey = true)
    {
        var settings = new Dictionary<string, string>
        {
            [StorageSettings.PrefixSetting] = _prefix,
            [PrivacySettingNames.AdminKeys] = $"ops:{AdminKey}",
        };
        if (withKey)
        {
            settings["FA_ADMIN_KEY"] = AdminKey;
        }

        return settings;
    }

    /// <summary>The key table the host would write, under a throwaway KEK: enough to create keys and links for fa to find.</summary>
    private TableDataKeyStore KeyStore() => new(
        new TableServiceClient(_azurite.ConnectionString).GetTableClient(_prefix + "AgentDataKeys"),
        _ => Task.FromResult(KeyEncryptionKey.FromBase64("t", KeyEncryptionKey.NewBase64())),
        TimeProvider.System);
}
