using FunctionAgents.Domain.Privacy;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Host.Tests.Support;

namespace FunctionAgents.Host.Tests.Privacy;

[Collection(HostCollection.Name)]
public sealed class PrivacyKeyStartupTests(HostFixture fixture)
{
    [Fact]
    public async Task Start_PrivacyKeyUnreadable_RefusesToStartWithOneLine()
    {
        // Arrange: a KEK file whose content is not a key (a vault that answers 403 fails the same way).
        var kekFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(kekFile, "not a base64 key");
        var stderr = Console.Error;
        using var captured = new StringWriter();
        try
        {
            await using var host = fixture.CreateHost(new Dictionary<string, string?> { [PrivacySettingNames.KekFile] = kekFile });
            Console.SetError(captured);

            // Act: Program writes the reason and exits 1 without serving.
            var error = await Record.ExceptionAsync(host.StartAsync);

            // Assert
            Assert.NotNull(error);
        }
        finally
        {
            Console.SetError(stderr);
            File.Delete(kekFile);
        }

        var line = Assert.Single(captured.ToString().Split(Environment.NewLine), l => l.StartsWith("FunctionAgents.Host cannot start: ", StringComparison.Ordinal));
        Assert.Contains("privacy key-encryption key", line, StringComparison.Ordinal);
        Assert.Contains("cannot be read", line, StringComparison.Ordinal);
    }
}
