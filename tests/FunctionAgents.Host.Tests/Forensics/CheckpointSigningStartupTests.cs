using FunctionAgents.Host.Tests.Support;
using FunctionAgents.Runtime.Forensics.Signing;

namespace FunctionAgents.Host.Tests.Forensics;

[Collection(HostCollection.Name)]
public sealed class CheckpointSigningStartupTests(HostFixture fixture)
{
    [Fact]
    public async Task Start_SigningKeyUnreadable_RefusesToStartWithOneLineNamingTheFile()
    {
        // Arrange: a key file whose content is not a key; checkpoints must never be written unsigned instead.
        var keyFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(keyFile, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----");
        var stderr = Console.Error;
        using var captured = new StringWriter();
        try
        {
            Console.SetError(captured);
            var error = await Record.ExceptionAsync(async () =>
            {
                // Act: the key is read while the host's services are registered.
                await using var host = fixture.CreateHost(new Dictionary<string, string?> { [CheckpointSigningSettings.KeyFile] = keyFile });
                await host.StartAsync();
            });

            // Assert
            Assert.NotNull(error);
        }
        finally
        {
            Console.SetError(stderr);
            File.Delete(keyFile);
        }

        var line = Assert.Single(captured.ToString().Split(Environment.NewLine), l => l.StartsWith("FunctionAgents.Host cannot start: ", StringComparison.Ordinal));
        Assert.Contains(CheckpointSigningSettings.KeyFile, line, StringComparison.Ordinal);
        Assert.Contains(keyFile, line, StringComparison.Ordinal);
    }
}
