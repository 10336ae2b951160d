using FunctionAgents.Durable.AzureStorage;
using FunctionAgents.Host.Hosting;

namespace FunctionAgents.Host.Tests.Hosting;

public sealed class LocalEngineSettingsTests
{
    private static readonly LocalTaskHubOptions Defaults = new() { ConnectionString = "UseDevelopmentStorage=true" };

    [Fact]
    public void Apply_NothingSet_KeepsTheDefaults()
    {
        Assert.Equal(Defaults, LocalEngineSettings.Apply(Defaults, _ => null));
    }

    [Fact]
    public void Apply_EverySettingSet_ReachesTheOptions()
    {
        var values = new Dictionary<string, string>
        {
            [LocalEngineSettings.PartitionCount] = "8",
            [LocalEngineSettings.WorkerId] = "worker-a",
            [LocalEngineSettings.MaxActivities] = "3",
            [LocalEngineSettings.MaxOrchestrations] = "5",
            [LocalEngineSettings.ExtendedSessions] = "TRUE",
            [LocalEngineSettings.ControlQueueBatchSize] = "16",
            [LocalEngineSettings.MaxPollingInterval] = "PT2S",
            [LocalEngineSettings.LeaseInterval] = "PT15S",
            [LocalEngineSettings.VisibilityTimeout] = "PT1M",
            [LocalEngineSettings.ShutdownTimeout] = "PT3S",
        };

        var options = LocalEngineSettings.Apply(Defaults, values.GetValueOrDefault);

        Assert.Equal(
            Defaults with
            {
                PartitionCount = 8, WorkerId = "worker-a", MaxConcurrentActivities = 3, MaxConcurrentOrchestrations = 5, ExtendedSessions = true,
                ControlQueueBatchSize = 16, MaxQueuePollingInterval = TimeSpan.FromSeconds(2), LeaseInterval = TimeSpan.FromSeconds(15),
                MessageVisibilityTimeout = TimeSpan.FromMinutes(1), ShutdownTimeout = TimeSpan.FromSeconds(3),
            },
            options);
    }

    [Theory]
    [InlineData(LocalEngineSettings.PartitionCount, "0", "from 1 to 16")]
    [InlineData(LocalEngineSettings.PartitionCount, "17", "from 1 to 16")]
    [InlineData(LocalEngineSettings.MaxActivities, "many", "whole number")]
    [InlineData(LocalEngineSettings.ControlQueueBatchSize, "64", "from 1 to 32")]
    [InlineData(LocalEngineSettings.ExtendedSessions, "yes", "true or false")]
    [InlineData(LocalEngineSettings.ShutdownTimeout, "10s", "ISO 8601")]
    [InlineData(LocalEngineSettings.LeaseInterval, "-PT5S", "positive")]
    public void Apply_BadValue_NamesTheSettingAndWhatIsAllowed(string setting, string value, string allowed)
    {
        var error = Assert.Throws<FormatException>(() => LocalEngineSettings.Apply(Defaults, name => name == setting ? value : null));

        Assert.StartsWith($"{setting} '{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(allowed, error.Message, StringComparison.Ordinal);
    }
}
