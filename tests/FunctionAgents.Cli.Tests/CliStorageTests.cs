using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Cli.Storage;
using FunctionAgents.Runtime.Forensics.Audit;
using FunctionAgents.Runtime.Forensics.Retention;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Memory;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Runtime.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Cli.Tests;

/// <summary><c>fa</c> reads through the hosts' composition root with only storage, read-only privacy and (when asked) forensics on.</summary>
public sealed class CliStorageTests
{
    private static readonly Dictionary<string, string?> Values = new()
    {
        [StorageSettings.ConnectionSetting] = "UseDevelopmentStorage=true",
        [StorageSettings.PrefixSetting] = "fa",
    };

    [Fact]
    public void Services_AreTheRootsStorageAndReadOnlyPrivacy_WithoutTheRuntime()
    {
        var context = new CliContext(TextWriter.Null, TextWriter.Null, false, Values.GetValueOrDefault, Path.GetTempPath());
        var settings = FunctionAgentsSettings.FromSettings(Values.GetValueOrDefault);

        using var provider = CliStorage.Services(context, settings).BuildServiceProvider();
        var expected = new ServiceCollection().AddFunctionAgents(settings, Values.GetValueOrDefault, Path.GetTempPath(), o =>
        {
            o.Runtime = o.Evaluation = o.Forensics = o.Memory = false;
            o.ReadOnlyPrivacy = true;
        });

        Assert.Equal(Types(expected), Types(CliStorage.Services(context, settings)));
        Assert.IsType<PersonalDataJournal>(provider.GetRequiredService<IEventJournal>());
        Assert.NotNull(provider.GetRequiredService<IDataKeyStore>());
        Assert.Null(provider.GetService<RunCommands>());
        Assert.Null(provider.GetService<IMemoryStore>());
        Assert.Null(provider.GetService<IAuditLog>());
    }

    [Fact]
    public void Services_WithARetentionPolicy_AddForensics()
    {
        var context = new CliContext(TextWriter.Null, TextWriter.Null, false, Values.GetValueOrDefault, Path.GetTempPath());
        var retention = new RetentionPolicy();

        using var provider = CliStorage.Services(context, FunctionAgentsSettings.FromSettings(Values.GetValueOrDefault), retention).BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<IAuditLog>());
        Assert.Same(retention, provider.GetRequiredService<RetentionPolicy>());
    }

    private static List<string> Types(IServiceCollection services) => [.. services.Select(d => d.ServiceType.FullName ?? d.ServiceType.Name)];
}
