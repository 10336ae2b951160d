using Microsoft.Extensions.Configuration;

namespace FunctionAgents.Functions.Tests.Deployment;

/// <summary>Settings from a dictionary that remembers every name the app asked for, set or not.</summary>
internal sealed class RecordingConfigurationSource(IDictionary<string, string?> settings) : IConfigurationSource
{
    public HashSet<string> Read { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(this, settings);

    private sealed class Provider(RecordingConfigurationSource source, IDictionary<string, string?> settings) : ConfigurationProvider
    {
        public override void Load() => Data = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);

        public override bool TryGet(string key, out string? value)
        {
            lock (source.Read)
            {
                source.Read.Add(key);
            }

            return base.TryGet(key, out value);
        }
    }
}
