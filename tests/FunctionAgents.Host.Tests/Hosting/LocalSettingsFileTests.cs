using FunctionAgents.Host.Hosting;
using Microsoft.Extensions.Configuration;

namespace FunctionAgents.Host.Tests.Hosting;

public sealed class LocalSettingsFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("local-settings-").FullName;

    [Fact]
    public void AddTo_FileValues_AreSettingsBelowEnvironmentAndCommandLine()
    {
        File.WriteAllText(Path.Combine(_folder, "local.settings.json"), """{ "IsEncrypted": false, "Values": { "FA_A": "file", "FA_B": "file", "FA_N": 3 } }""");
        using var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["FA_A"] = "environment" });

        var used = LocalSettingsFile.AddTo(configuration, _folder);

        Assert.Equal(Path.Combine(_folder, "local.settings.json"), used);
        Assert.Equal("environment", configuration["FA_A"]);
        Assert.Equal("file", configuration["FA_B"]);
        Assert.Equal("3", configuration["FA_N"]);
    }

    [Fact]
    public void AddTo_MalformedFile_FailsTheStartWithThePath()
    {
        File.WriteAllText(Path.Combine(_folder, "local.settings.json"), "{ not json");
        using var configuration = new ConfigurationManager();

        var error = Assert.Throws<StartupFailedException>(() => LocalSettingsFile.AddTo(configuration, _folder));

        Assert.Contains("local.settings.json", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
